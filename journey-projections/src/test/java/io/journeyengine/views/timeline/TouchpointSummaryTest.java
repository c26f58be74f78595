package io.journeyengine.views.timeline;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.browsing.ProductViewed;
import io.journeyengine.journey.cart.CartItemAdded;
import io.journeyengine.journey.cart.CartItemRemoved;
import io.journeyengine.journey.cart.CartLine;
import io.journeyengine.journey.cart.CartReminderSent;
import io.journeyengine.journey.consent.ConsentChanged;
import io.journeyengine.journey.conversation.ConversationClosed;
import io.journeyengine.journey.conversation.ConversationHandedOver;
import io.journeyengine.journey.conversation.ConversationMessageLogged;
import io.journeyengine.journey.conversation.ConversationStarted;
import io.journeyengine.journey.conversation.MessageDirection;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.identity.IdentityLinked;
import io.journeyengine.journey.identity.IdentityType;
import io.journeyengine.journey.loyalty.LoyaltyEnrolled;
import io.journeyengine.journey.order.CheckoutCompleted;
import io.journeyengine.journey.order.Fulfilment;
import io.journeyengine.journey.order.InStorePurchaseMade;
import io.journeyengine.journey.order.OrderLine;
import io.journeyengine.journey.order.OrderPickedUp;
import io.journeyengine.journey.order.OrderReturned;
import io.journeyengine.journey.promotion.ChannelScope;
import io.journeyengine.journey.promotion.Discount;
import io.journeyengine.journey.promotion.PromoCodeSent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The type name and the one line the timeline shows for every kind of touchpoint. */
class TouchpointSummaryTest {

    private static final String C = "cust-42";
    private static final Touchpoint TP = new Touchpoint("tp-1", Channel.WEB, Instant.parse("2026-11-20T10:00:00Z"));
    private static final Instant LATER = Instant.parse("2026-12-31T23:59:59Z");

    private static void described(TouchpointEvent event, String type, String summary) {
        assertThat(TouchpointSummary.of(event)).isEqualTo(new TouchpointSummary(type, summary));
    }

    @Test
    void browsingConsentAndIdentities() {
        described(new ProductViewed(C, TP, "BOOTS-42"), "PRODUCT_VIEWED", "Viewed BOOTS-42");
        described(new ConsentChanged(C, TP, Channel.SMS, true), "CONSENT_CHANGED", "Marketing consent for SMS granted");
        described(new ConsentChanged(C, TP, Channel.EMAIL, false), "CONSENT_CHANGED",
                  "Marketing consent for EMAIL withdrawn");
        // The identity's value is personal data and stays out of the timeline.
        described(new IdentityLinked(C, TP, Identity.of(IdentityType.EMAIL, "ann@example.com")), "IDENTITY_LINKED",
                  "Identity linked (EMAIL)");
    }

    @Test
    void codesByPercentageAndByAmount() {
        described(new PromoCodeSent(C, TP, "winter-10", "WIN-8K2P", Discount.percent(new BigDecimal("10")),
                                    ChannelScope.of(List.of("ALL")), LATER), "PROMO_CODE_SENT",
                  "Code WIN-8K2P sent (10%)");
        described(new PromoCodeSent(C, TP, "winter-12", "W12", Discount.percent(new BigDecimal("12.50")),
                                    ChannelScope.of(List.of("ALL")), LATER), "PROMO_CODE_SENT",
                  "Code W12 sent (12.5%)");
        described(new PromoCodeSent(C, TP, "five-off", "FIVE", Discount.amount(new BigDecimal("5"), "EUR"),
                                    ChannelScope.of(List.of("WEB", "STORE")), LATER), "PROMO_CODE_SENT",
                  "Code FIVE sent (5.00 EUR off; valid on WEB, STORE)");
    }

    @Test
    void theEnginesCartReminder() {
        Touchpoint reminder = new Touchpoint("reminder-1", Channel.MESSENGER, Instant.parse("2026-11-20T13:01:00Z"));
        described(new CartReminderSent(C, reminder, reminder.occurredAt(),
                                       List.of(new CartLine("BOOTS-42", 2, new BigDecimal("89.90"), "EUR", Channel.WEB),
                                               new CartLine("SOCKS-3P", 1, new BigDecimal("12.50"), "EUR", Channel.WEB)),
                                       "EUR", new BigDecimal("192.30")),
                  "CART_REMINDER_SENT", "Reminded of the abandoned cart on MESSENGER: 3 items, 192.30 EUR");
    }

    @Test
    void conversationsWithoutTheirTexts() {
        described(new ConversationStarted(C, TP, "c-1", "winter offer"), "CONVERSATION_STARTED",
                  "Conversation c-1 started: winter offer");
        described(new ConversationMessageLogged(C, TP, "c-1", MessageDirection.INBOUND, "my address is ..."),
                  "CONVERSATION_MESSAGE", "Customer wrote in conversation c-1");
        described(new ConversationMessageLogged(C, TP, "c-1", MessageDirection.OUTBOUND, "hello"),
                  "CONVERSATION_MESSAGE", "Agent wrote in conversation c-1");
        described(new ConversationHandedOver(C, TP, "c-1", Channel.WHATSAPP, Channel.VOICE),
                  "CONVERSATION_HANDED_OVER", "Conversation c-1 handed over WHATSAPP → VOICE");
        described(new ConversationClosed(C, TP, "c-1", "answered in store"), "CONVERSATION_CLOSED",
                  "Conversation c-1 closed: answered in store");
    }

    @Test
    void cartChangesWithPricesInTheCurrencysMinorUnits() {
        described(new CartItemAdded(C, TP, "SKU-1", 2, new BigDecimal("19.99"), "EUR"), "CART_ITEM_ADDED",
                  "Added 2 × SKU-1 at 19.99 EUR");
        described(new CartItemAdded(C, TP, "SKU-2", 1, new BigDecimal("30"), "EUR"), "CART_ITEM_ADDED",
                  "Added 1 × SKU-2 at 30.00 EUR");
        described(new CartItemAdded(C, TP, "SKU-3", 1, new BigDecimal("1200"), "JPY"), "CART_ITEM_ADDED",
                  "Added 1 × SKU-3 at 1200 JPY");
        described(new CartItemRemoved(C, TP, "SKU-1", 1), "CART_ITEM_REMOVED", "Removed 1 × SKU-1");
    }

    @Test
    void ordersPickupsReturnsAndLoyalty() {
        List<OrderLine> lines = List.of(new OrderLine("BOOTS-42", 2, new BigDecimal("89.90")),
                                        new OrderLine("SOCKS-3P", 1, new BigDecimal("12.50")));
        described(new CheckoutCompleted(C, TP, "o-1", lines, "EUR", new BigDecimal("192.30"), new BigDecimal("19.23"),
                                        new BigDecimal("173.07"), "WIN-8K2P", Fulfilment.STORE_PICKUP, "store-7"),
                  "CHECKOUT_COMPLETED", "Order o-1 placed: 3 items, 173.07 EUR with code WIN-8K2P, STORE_PICKUP at "
                                        + "store-7");
        described(new CheckoutCompleted(C, TP, "o-2", lines.subList(1, 2), "EUR", new BigDecimal("12.50"),
                                        BigDecimal.ZERO, new BigDecimal("12.50"), null, Fulfilment.DELIVERY, null),
                  "CHECKOUT_COMPLETED", "Order o-2 placed: 1 item, 12.50 EUR, DELIVERY");
        described(new InStorePurchaseMade(C, TP, "till-1", "store-1", lines.subList(1, 2), "EUR",
                                          new BigDecimal("12.50"), BigDecimal.ZERO, new BigDecimal("12.50"), null),
                  "IN_STORE_PURCHASE", "Bought in store store-1 (order till-1): 1 item, 12.50 EUR");
        described(new OrderPickedUp(C, TP, "o-1", "store-7"), "ORDER_PICKED_UP", "Order o-1 picked up at store-7");
        described(new OrderReturned(C, TP, "o-1", "store-7", "too small"), "ORDER_RETURNED",
                  "Order o-1 returned at store-7: too small");
        described(new OrderReturned(C, TP, "o-2", null, "damaged"), "ORDER_RETURNED", "Order o-2 returned: damaged");
        described(new LoyaltyEnrolled(C, TP, "club-plus"), "LOYALTY_ENROLLED", "Joined loyalty programme club-plus");
    }

    @Test
    void aSummaryNeverOutgrowsItsColumn() {
        String reason = "x".repeat(2000);
        TouchpointSummary summary = TouchpointSummary.of(new OrderReturned(C, TP, "o-1", null, reason));
        assertThat(summary.summary()).hasSize(TouchpointSummary.MAX_LENGTH).endsWith("…");
    }
}
