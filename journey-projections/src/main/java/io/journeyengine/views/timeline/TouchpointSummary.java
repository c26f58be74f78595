package io.journeyengine.views.timeline;

import io.journeyengine.journey.Money;
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
import io.journeyengine.journey.identity.IdentityLinked;
import io.journeyengine.journey.loyalty.LoyaltyEnrolled;
import io.journeyengine.journey.order.CheckoutCompleted;
import io.journeyengine.journey.order.InStorePurchaseMade;
import io.journeyengine.journey.order.OrderLine;
import io.journeyengine.journey.order.OrderPickedUp;
import io.journeyengine.journey.order.OrderReturned;
import io.journeyengine.journey.order.Purchase;
import io.journeyengine.journey.promotion.Discount;
import io.journeyengine.journey.privacy.PersonalData;
import io.journeyengine.journey.promotion.PromoCodeSent;

import java.math.BigDecimal;

/**
 * A touchpoint as an agent reads it in the timeline: its type as channels send it ({@code CART_ITEM_ADDED}) and one
 * line saying what happened ("Added 2 × BOOTS-42 at 89.90 EUR"). The line carries no personal data (no identity
 * values, no message texts): those belong to the customer 360, where they are shown and erased in one place.
 */
public record TouchpointSummary(String type, String summary) {

    /** Longest summary stored; the id and text limits of the contract keep real ones well below it. */
    static final int MAX_LENGTH = 1000;

    public static TouchpointSummary of(TouchpointEvent event) {
        return capped(describe(event, false));
    }

    /**
     * The summary as it reads once the customer's personal data is erased: the free texts in it (a conversation's
     * topic and resolution, a return's reason) are {@code [erased]}; a replay of the erased events gives the same.
     */
    public static TouchpointSummary erased(TouchpointEvent event) {
        return capped(describe(event, true));
    }

    private static TouchpointSummary capped(TouchpointSummary described) {
        String text = described.summary();
        return text.length() <= MAX_LENGTH ? described
                : new TouchpointSummary(described.type(), text.substring(0, MAX_LENGTH - 1) + "…");
    }

    private static TouchpointSummary describe(TouchpointEvent event, boolean erased) {
        if (event instanceof ProductViewed e) {
            return new TouchpointSummary("PRODUCT_VIEWED", "Viewed " + e.sku());
        }
        if (event instanceof ConsentChanged e) {
            return new TouchpointSummary("CONSENT_CHANGED", "Marketing consent for " + e.consentChannel() + " "
                    + (e.granted() ? "granted" : "withdrawn"));
        }
        if (event instanceof IdentityLinked e) {
            return new TouchpointSummary("IDENTITY_LINKED", "Identity linked (" + e.identity().type() + ")");
        }
        if (event instanceof PromoCodeSent e) {
            // A code that is not valid everywhere says where it is: "why was my code refused in the app?"
            String where = e.validOn().allChannels() ? ""
                    : "; valid on " + String.join(", ", e.validOn().names());
            return new TouchpointSummary("PROMO_CODE_SENT", "Code " + e.code() + " sent (" + discount(e.discount())
                    + where + ")");
        }
        if (event instanceof ConversationStarted e) {
            return new TouchpointSummary("CONVERSATION_STARTED", "Conversation " + e.conversationId() + " started: "
                    + personal(e.topic(), erased));
        }
        if (event instanceof ConversationMessageLogged e) {
            return new TouchpointSummary("CONVERSATION_MESSAGE", switch (e.direction()) {
                case INBOUND -> "Customer wrote in conversation " + e.conversationId();
                case OUTBOUND -> "Agent wrote in conversation " + e.conversationId();
            });
        }
        if (event instanceof ConversationHandedOver e) {
            return new TouchpointSummary("CONVERSATION_HANDED_OVER", "Conversation " + e.conversationId()
                    + " handed over " + e.fromChannel() + " → " + e.toChannel());
        }
        if (event instanceof ConversationClosed e) {
            return new TouchpointSummary("CONVERSATION_CLOSED", "Conversation " + e.conversationId() + " closed: "
                    + personal(e.resolution(), erased));
        }
        if (event instanceof CartItemAdded e) {
            return new TouchpointSummary("CART_ITEM_ADDED", "Added " + e.quantity() + " × " + e.sku() + " at "
                    + amount(e.unitPrice(), e.currency()));
        }
        if (event instanceof CartItemRemoved e) {
            return new TouchpointSummary("CART_ITEM_REMOVED", "Removed " + e.quantity() + " × " + e.sku());
        }
        if (event instanceof CheckoutCompleted e) {
            String where = e.storeId() == null ? "" : " at " + e.storeId();
            return new TouchpointSummary("CHECKOUT_COMPLETED", "Order " + e.orderId() + " placed: " + purchase(e)
                    + ", " + e.fulfilment() + where);
        }
        if (event instanceof InStorePurchaseMade e) {
            return new TouchpointSummary("IN_STORE_PURCHASE", "Bought in store " + e.storeId() + " (order "
                    + e.orderId() + "): " + purchase(e));
        }
        if (event instanceof OrderPickedUp e) {
            return new TouchpointSummary("ORDER_PICKED_UP", "Order " + e.orderId() + " picked up at " + e.storeId());
        }
        if (event instanceof OrderReturned e) {
            String where = e.storeId() == null ? "" : " at " + e.storeId();
            return new TouchpointSummary("ORDER_RETURNED", "Order " + e.orderId() + " returned" + where + ": "
                    + personal(e.reason(), erased));
        }
        if (event instanceof CartReminderSent e) {
            int units = e.lines().stream().mapToInt(CartLine::quantity).sum();
            return new TouchpointSummary("CART_REMINDER_SENT", "Reminded of the abandoned cart on "
                    + e.touchpoint().channel() + ": " + units + (units == 1 ? " item, " : " items, ")
                    + amount(e.total(), e.currency()));
        }
        if (event instanceof LoyaltyEnrolled e) {
            return new TouchpointSummary("LOYALTY_ENROLLED", "Joined loyalty programme " + e.programId());
        }
        // A touchpoint type added to the domain but not yet described here still shows up, by its event name.
        return new TouchpointSummary(event.getClass().getSimpleName(), event.getClass().getSimpleName());
    }

    private static String personal(String text, boolean erased) {
        return erased ? PersonalData.ERASED : text;
    }

    /** "3 items, 192.30 EUR" plus the code when one was used. */
    private static String purchase(Purchase p) {
        int units = p.lines().stream().mapToInt(OrderLine::quantity).sum();
        String code = p.promoCode() == null ? "" : " with code " + p.promoCode();
        return units + (units == 1 ? " item, " : " items, ") + amount(p.total(), p.currency()) + code;
    }

    private static String discount(Discount d) {
        return d.percent() != null
                ? d.percent().stripTrailingZeros().toPlainString() + "%"
                : amount(d.amount(), d.currency()) + " off";
    }

    private static String amount(BigDecimal amount, String currency) {
        return Money.round(amount, currency).toPlainString() + " " + currency;
    }
}
