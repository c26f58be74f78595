package io.journeyengine.journey.cart;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.browsing.ViewProduct;
import io.journeyengine.journey.consent.ChangeConsent;
import io.journeyengine.journey.deadline.JourneyDeadlines;
import io.journeyengine.journey.deadline.JourneyTimings;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.journey.lifecycle.StageRule;
import io.journeyengine.journey.order.CheckoutCompleted;
import io.journeyengine.journey.order.CompleteCheckout;
import io.journeyengine.journey.order.Fulfilment;
import io.journeyengine.journey.order.OrderLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.journeyengine.journey.Channel.APP;
import static io.journeyengine.journey.Channel.EMAIL;
import static io.journeyengine.journey.Channel.MESSENGER;
import static io.journeyengine.journey.Channel.SMS;
import static io.journeyengine.journey.Channel.WEB;
import static io.journeyengine.journey.Channel.WHATSAPP;
import static io.journeyengine.journey.JourneyFixtures.*;

/**
 * Abandoned carts: every cart change (re)schedules the abandonment at its occurredAt + the delay (3 hours here),
 * a checkout or an emptied cart cancels it; when it fires the cart is abandoned and the customer reminded on the
 * preferred consented messaging channel; a checkout within 7 days of the reminder recovers the cart.
 */
class CartAbandonmentTest {

    private static final Duration THREE_HOURS = Duration.ofHours(3);

    private final Touchpoint add = tp("tp-add", WEB, 60);
    private final CartLine boots = new CartLine("BOOTS-42", 2, new BigDecimal("89.90"), "EUR", WEB);

    private static Instant threeHoursAfter(Touchpoint tp) {
        return tp.occurredAt().plus(THREE_HOURS);
    }

    private CartAbandonmentDue dueFor(Touchpoint last) {
        return new CartAbandonmentDue(threeHoursAfter(last), last.occurredAt(), last.id());
    }

    private CartAbandoned abandoned(Touchpoint last, List<CartLine> lines, String total) {
        return new CartAbandoned(CUSTOMER, threeHoursAfter(last), last.occurredAt(), last.channel(), last.id(), lines,
                                 "EUR", new BigDecimal(total));
    }

    private CartReminderSent reminded(Touchpoint last, Channel via, List<CartLine> lines, String total) {
        Instant at = threeHoursAfter(last);
        return new CartReminderSent(CUSTOMER, new Touchpoint(CartReminderSent.touchpointIdFor(CUSTOMER, at), via, at),
                                    at, lines, "EUR", new BigDecimal(total));
    }

    /** Two pairs of boots added on the web at {@code T0}: the cart most tests start from. */
    private org.axonframework.test.aggregate.TestExecutor<io.journeyengine.journey.CustomerJourney> bootsInTheCart() {
        return fixture().givenCurrentTime(T0).andGivenCommands(addItem(add, "BOOTS-42", 2, "89.90"));
    }

    @Test
    void aCartChangeSchedulesTheAbandonmentTheDelayAfterItsBusinessTime() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(tp("tp-consent", SMS, 0), SMS))
                 .when(addItem(add, "BOOTS-42", 2, "89.90"))
                 .expectScheduledDeadline(threeHoursAfter(add), dueFor(add))
                 .expectScheduledDeadlineWithName(threeHoursAfter(add), JourneyDeadlines.CART_ABANDONMENT);
    }

    @Test
    void theDelayIsConfigurable() {
        fixture(new JourneyTimings(Duration.ofMinutes(30), Duration.ofDays(7))).givenCurrentTime(T0)
                 .when(addItem(add, "BOOTS-42", 2, "89.90"))
                 .expectScheduledDeadline(add.occurredAt().plus(Duration.ofMinutes(30)),
                                          new CartAbandonmentDue(add.occurredAt().plus(Duration.ofMinutes(30)),
                                                                 add.occurredAt(), add.id()));
    }

    @Test
    void aLaterCartChangeReschedulesTheAbandonment() {
        Touchpoint later = tp("tp-later", APP, 120);
        bootsInTheCart()
                 .when(addItem(later, "SOCKS-3P", 1, "12.50"))
                 .expectScheduledDeadline(threeHoursAfter(later), dueFor(later))
                 .expectNoScheduledDeadline(threeHoursAfter(add), dueFor(add));
    }

    @Test
    void removingSomeItemsAlsoReschedulesIt() {
        Touchpoint remove = tp("tp-remove", APP, 90);
        bootsInTheCart()
                 .when(new RemoveCartItem(CUSTOMER, remove, null, "BOOTS-42", 1))
                 .expectScheduledDeadline(threeHoursAfter(remove), dueFor(remove))
                 .expectNoScheduledDeadline(threeHoursAfter(add), dueFor(add));
    }

    @Test
    void aLateCartChangeDoesNotPostponeTheAbandonment() {
        Touchpoint late = tp("tp-late", APP, 30);
        bootsInTheCart()
                 .when(addItem(late, "SOCKS-3P", 1, "12.50"))
                 .expectScheduledDeadline(threeHoursAfter(add), dueFor(add))
                 .expectNoScheduledDeadline(threeHoursAfter(late), dueFor(late));
    }

    @Test
    void aCheckoutCancelsTheAbandonment() {
        bootsInTheCart()
                 .when(new CompleteCheckout(CUSTOMER, tp("tp-checkout", APP, 90), null, "order-1", null,
                                            Fulfilment.DELIVERY, null))
                 .expectNoScheduledDeadlines();
    }

    @Test
    void emptyingTheCartCancelsTheAbandonment() {
        bootsInTheCart()
                 .when(new RemoveCartItem(CUSTOMER, tp("tp-remove", APP, 90), null, "BOOTS-42", 2))
                 .expectNoScheduledDeadlines();
    }

    @Test
    void aTouchpointOutsideTheCartLeavesTheAbandonmentAlone() {
        bootsInTheCart()
                 .when(new ViewProduct(CUSTOMER, tp("tp-view", WEB, 100), null, "SCARF-RED"))
                 .expectScheduledDeadline(threeHoursAfter(add), dueFor(add));
    }

    @Test
    void anUntouchedCartIsAbandonedAndTheCustomerRemindedOnTheConsentedMessagingChannel() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(tp("tp-consent", MESSENGER, 0), MESSENGER),
                                   addItem(add, "BOOTS-42", 2, "89.90"))
                 .whenThenTimeElapses(Duration.ofHours(5))
                 .expectDeadlinesMet(dueFor(add))
                 .expectEvents(abandoned(add, List.of(boots), "179.80"),
                               reminded(add, MESSENGER, List.of(boots), "179.80"))
                 .expectNoScheduledDeadlines();
    }

    @Test
    void theCartIsNotAbandonedBeforeTheDelay() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(tp("tp-consent", MESSENGER, 0), MESSENGER),
                                   addItem(add, "BOOTS-42", 2, "89.90"))
                 .whenThenTimeAdvancesTo(threeHoursAfter(add).minusSeconds(1))
                 .expectNoEvents()
                 .expectScheduledDeadline(threeHoursAfter(add), dueFor(add));
    }

    @Test
    void theReminderGoesToTheMostUsedConsentedMessagingChannel() {
        Touchpoint email1 = tp("tp-e1", EMAIL, 1);
        Touchpoint email2 = tp("tp-e2", EMAIL, 2);
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(tp("tp-c1", WHATSAPP, 0), WHATSAPP),
                                   grantConsent(email1, EMAIL),
                                   view(email2, "BOOTS-42"),
                                   addItem(add, "BOOTS-42", 2, "89.90"))
                 .whenThenTimeElapses(Duration.ofHours(5))
                 .expectEvents(abandoned(add, List.of(boots), "179.80"),
                               reminded(add, EMAIL, List.of(boots), "179.80"));
    }

    @Test
    void aTieGoesToTheFasterMessagingChannel() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(tp("tp-c1", EMAIL, 0), EMAIL),
                                   grantConsent(tp("tp-c2", WHATSAPP, 1), WHATSAPP),
                                   addItem(add, "BOOTS-42", 2, "89.90"))
                 .whenThenTimeElapses(Duration.ofHours(5))
                 .expectEvents(abandoned(add, List.of(boots), "179.80"),
                               reminded(add, WHATSAPP, List.of(boots), "179.80"));
    }

    @Test
    void withoutMessagingConsentTheCartIsAbandonedButNobodyIsReminded() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(tp("tp-consent", WEB, 0), WEB),
                                   addItem(add, "BOOTS-42", 2, "89.90"))
                 .whenThenTimeElapses(Duration.ofHours(5))
                 .expectEvents(abandoned(add, List.of(boots), "179.80"));
    }

    @Test
    void aWithdrawnConsentIsNotUsed() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(tp("tp-c1", SMS, 0), SMS),
                                   new ChangeConsent(CUSTOMER, tp("tp-c2", SMS, 5), null, SMS, false),
                                   addItem(add, "BOOTS-42", 2, "89.90"))
                 .whenThenTimeElapses(Duration.ofHours(5))
                 .expectEvents(abandoned(add, List.of(boots), "179.80"));
    }

    @Test
    void theAbandonedCartHoldsEverythingAddedInAnyChannel() {
        Touchpoint app = tp("tp-app", APP, 70);
        CartLine socks = new CartLine("SOCKS-3P", 1, new BigDecimal("12.50"), "EUR", APP);
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(tp("tp-consent", SMS, 0), SMS),
                                   addItem(add, "BOOTS-42", 2, "89.90"),
                                   addItem(app, "SOCKS-3P", 1, "12.50"))
                 .whenThenTimeElapses(Duration.ofHours(5))
                 .expectEvents(abandoned(app, List.of(boots, socks), "192.30"),
                               reminded(app, SMS, List.of(boots, socks), "192.30"));
    }

    @Test
    void aCartChangedInTimeIsAbandonedOnlyAtTheNewDeadline() {
        Touchpoint later = tp("tp-later", APP, 120);
        CartLine socks = new CartLine("SOCKS-3P", 1, new BigDecimal("12.50"), "EUR", APP);
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(addItem(add, "BOOTS-42", 2, "89.90"),
                                   addItem(later, "SOCKS-3P", 1, "12.50"))
                 .whenThenTimeAdvancesTo(threeHoursAfter(later))
                 .expectDeadlinesMet(dueFor(later))
                 .expectEvents(abandoned(later, List.of(boots, socks), "192.30"));
    }

    @Test
    void aCheckedOutCartIsNeverAbandoned() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(tp("tp-consent", SMS, 0), SMS),
                                   addItem(add, "BOOTS-42", 2, "89.90"),
                                   new CompleteCheckout(CUSTOMER, tp("tp-checkout", APP, 90), null, "order-1", null,
                                                        Fulfilment.DELIVERY, null))
                 .whenThenTimeElapses(Duration.ofDays(2))
                 .expectNoEvents();
    }

    @Test
    void aCartIsAbandonedOnceForItsLastActivity() {
        fixture().given(started(add), itemAdded(add, "BOOTS-42", 2, "89.90"),
                        advanced(add, null, StageRule.CART_ITEM_ADDED), abandoned(add, List.of(boots), "179.80"))
                 .when(new ViewProduct(CUSTOMER, tp("tp-view", WEB, 400), null, "SCARF-RED"))
                 .expectNoScheduledDeadlines();
    }

    @Test
    void aCartChangedAfterItsAbandonmentCanBeAbandonedAgain() {
        Touchpoint back = tp("tp-back", APP, 600);
        fixture().given(started(add), itemAdded(add, "BOOTS-42", 2, "89.90"),
                        advanced(add, null, StageRule.CART_ITEM_ADDED), abandoned(add, List.of(boots), "179.80"))
                 .when(addItem(back, "SOCKS-3P", 1, "12.50"))
                 .expectScheduledDeadline(threeHoursAfter(back), dueFor(back));
    }

    @Test
    void aCheckoutWithinSevenDaysOfTheReminderRecoversTheCart() {
        Touchpoint checkout = tp("tp-checkout", APP, 60 + 3 * 60 + 2 * 24 * 60);
        CartReminderSent reminder = reminded(add, MESSENGER, List.of(boots), "179.80");
        fixture().given(started(add), itemAdded(add, "BOOTS-42", 2, "89.90"),
                        advanced(add, null, StageRule.CART_ITEM_ADDED), abandoned(add, List.of(boots), "179.80"),
                        reminder)
                 .when(new CompleteCheckout(CUSTOMER, checkout, null, "order-1", null, Fulfilment.DELIVERY, null))
                 .expectEvents(checkedOut(checkout), new AbandonedCartRecovered(
                                       CUSTOMER, checkout, "order-1", reminder.touchpoint().id(), MESSENGER,
                                       reminder.touchpoint().occurredAt()),
                               advanced(checkout, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE));
    }

    @Test
    void aCheckoutMoreThanSevenDaysAfterTheReminderIsNoRecovery() {
        Touchpoint checkout = tp("tp-checkout", APP, 60 + 3 * 60 + 7 * 24 * 60 + 1);
        fixture().given(started(add), itemAdded(add, "BOOTS-42", 2, "89.90"),
                        advanced(add, null, StageRule.CART_ITEM_ADDED), abandoned(add, List.of(boots), "179.80"),
                        reminded(add, MESSENGER, List.of(boots), "179.80"))
                 .when(new CompleteCheckout(CUSTOMER, checkout, null, "order-1", null, Fulfilment.DELIVERY, null))
                 .expectEvents(checkedOut(checkout),
                               advanced(checkout, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE));
    }

    @Test
    void aCheckoutBeforeTheReminderIsNoRecovery() {
        // Reported late: it happened before the cart was abandoned, so the reminder did not bring the customer back.
        Touchpoint checkout = tp("tp-checkout", APP, 120);
        fixture().given(started(add), itemAdded(add, "BOOTS-42", 2, "89.90"),
                        advanced(add, null, StageRule.CART_ITEM_ADDED), abandoned(add, List.of(boots), "179.80"),
                        reminded(add, MESSENGER, List.of(boots), "179.80"))
                 .when(new CompleteCheckout(CUSTOMER, checkout, null, "order-1", null, Fulfilment.DELIVERY, null))
                 .expectEvents(checkedOut(checkout),
                               advanced(checkout, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE));
    }

    @Test
    void aReminderIsRecoveredOnce() {
        Touchpoint first = tp("tp-checkout-1", APP, 60 + 4 * 60);
        Touchpoint again = tp("tp-again", WEB, 60 + 5 * 60);
        Touchpoint second = tp("tp-checkout-2", WEB, 60 + 6 * 60);
        CartReminderSent reminder = reminded(add, MESSENGER, List.of(boots), "179.80");
        fixture().given(started(add), itemAdded(add, "BOOTS-42", 2, "89.90"),
                        advanced(add, null, StageRule.CART_ITEM_ADDED), abandoned(add, List.of(boots), "179.80"),
                        reminder, checkedOut(first),
                        new AbandonedCartRecovered(CUSTOMER, first, "order-1", reminder.touchpoint().id(), MESSENGER,
                                                   reminder.touchpoint().occurredAt()),
                        advanced(first, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE),
                        itemAdded(again, "BOOTS-42", 2, "89.90"))
                 .when(new CompleteCheckout(CUSTOMER, second, null, "order-2", null, Fulfilment.DELIVERY, null))
                 .expectEvents(new CheckoutCompleted(CUSTOMER, second, "order-2",
                                                     List.of(new OrderLine("BOOTS-42", 2, new BigDecimal("89.90"))),
                                                     "EUR", new BigDecimal("179.80"), new BigDecimal("0.00"),
                                                     new BigDecimal("179.80"), null, Fulfilment.DELIVERY, null),
                               // no second recovery of the same reminder
                               advanced(second, LifecycleStage.CONVERSION, StageRule.SECOND_PURCHASE));
    }

    /** The checkout of the two boots as {@code order-1}. */
    private static CheckoutCompleted checkedOut(Touchpoint checkout) {
        String orderId = "order-1";
        return new CheckoutCompleted(CUSTOMER, checkout, orderId,
                                     List.of(new OrderLine("BOOTS-42", 2, new BigDecimal("89.90"))), "EUR",
                                     new BigDecimal("179.80"), new BigDecimal("0.00"), new BigDecimal("179.80"), null,
                                     Fulfilment.DELIVERY, null);
    }
}
