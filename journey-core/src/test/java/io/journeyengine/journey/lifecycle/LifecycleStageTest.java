package io.journeyengine.journey.lifecycle;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.consent.ChangeConsent;
import io.journeyengine.journey.consent.ConsentChanged;
import io.journeyengine.journey.conversation.ConversationStarted;
import io.journeyengine.journey.conversation.StartConversation;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.identity.IdentityLinked;
import io.journeyengine.journey.identity.IdentityType;
import io.journeyengine.journey.identity.LinkIdentity;
import io.journeyengine.journey.loyalty.EnrolInLoyalty;
import io.journeyengine.journey.loyalty.LoyaltyEnrolled;
import io.journeyengine.journey.order.CompleteCheckout;
import io.journeyengine.journey.order.Fulfilment;
import io.journeyengine.journey.order.OrderPickedUp;
import io.journeyengine.journey.order.OrderReturned;
import io.journeyengine.journey.order.RecordOrderPickup;
import io.journeyengine.journey.order.RecordOrderReturn;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.journeyengine.journey.Channel.APP;
import static io.journeyengine.journey.Channel.SMS;
import static io.journeyengine.journey.Channel.STORE;
import static io.journeyengine.journey.Channel.WEB;
import static io.journeyengine.journey.Channel.WHATSAPP;
import static io.journeyengine.journey.JourneyFixtures.*;
import static io.journeyengine.journey.lifecycle.LifecycleStage.ACQUISITION;
import static io.journeyengine.journey.lifecycle.LifecycleStage.CONVERSION;
import static io.journeyengine.journey.lifecycle.LifecycleStage.LOYALTY;
import static io.journeyengine.journey.lifecycle.LifecycleStage.REACH;
import static io.journeyengine.journey.lifecycle.LifecycleStage.RETENTION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * REACH → ACQUISITION → CONVERSION → RETENTION → LOYALTY: every rule, skipped stages, and independence of the order
 * in which late touchpoints arrive ("after the first purchase" compares occurredAt).
 */
class LifecycleStageTest {

    private static final Identity EMAIL = Identity.of(IdentityType.EMAIL, "jane@example.com");

    /** A product viewed on the web at {@code minutes}: the first touchpoint, REACH. */
    private static Object[] reached(Touchpoint view) {
        return new Object[]{started(view), viewed(view, "BOOTS-42"), advanced(view, null, StageRule.ANY_TOUCHPOINT)};
    }

    /** A first purchase at the till as the first touchpoint: CONVERSION. */
    private static Object[] converted(Touchpoint till) {
        return new Object[]{started(till), boughtInStore(till, "till-1", "30.00"),
                advanced(till, null, StageRule.FIRST_PURCHASE)};
    }

    /** Two till purchases: RETENTION. */
    private static Object[] retained(Touchpoint first, Touchpoint second) {
        return new Object[]{started(first), boughtInStore(first, "till-1", "30.00"),
                advanced(first, null, StageRule.FIRST_PURCHASE),
                boughtInStore(second, "till-2", "30.00"), advanced(second, CONVERSION, StageRule.SECOND_PURCHASE)};
    }

    // --- each rule --------------------------------------------------------------------------------------------------

    @Test
    void anyTouchpointReachesANewCustomer() {
        Touchpoint view = tp("tp-1", WEB, 0);
        fixture().givenNoPriorActivity()
                 .when(view(view, "BOOTS-42"))
                 .expectEvents(started(view), viewed(view, "BOOTS-42"), advanced(view, null, StageRule.ANY_TOUCHPOINT));
    }

    @Test
    void linkingAnIdentityAcquires() {
        Touchpoint login = tp("tp-2", WEB, 10);
        fixture().given(reached(tp("tp-1", WEB, 0)))
                 .when(new LinkIdentity(CUSTOMER, login, null, EMAIL))
                 .expectEvents(new IdentityLinked(CUSTOMER, login, EMAIL),
                               advanced(login, REACH, StageRule.IDENTITY_LINKED));
    }

    @Test
    void grantingConsentAcquires() {
        Touchpoint grant = tp("tp-2", WEB, 10);
        fixture().given(reached(tp("tp-1", WEB, 0)))
                 .when(grantConsent(grant, SMS))
                 .expectEvents(consentGranted(grant, SMS), advanced(grant, REACH, StageRule.CONSENT_GRANTED));
    }

    @Test
    void withdrawingConsentDoesNotAcquire() {
        Touchpoint withdraw = tp("tp-2", WEB, 10);
        fixture().given(reached(tp("tp-1", WEB, 0)))
                 .when(new ChangeConsent(CUSTOMER, withdraw, null, SMS, false))
                 .expectEvents(new ConsentChanged(CUSTOMER, withdraw, SMS, false));
    }

    @Test
    void aWithdrawalAsFirstTouchpointOnlyReaches() {
        Touchpoint withdraw = tp("tp-1", WEB, 0);
        fixture().givenNoPriorActivity()
                 .when(new ChangeConsent(CUSTOMER, withdraw, null, SMS, false))
                 .expectEvents(started(withdraw), new ConsentChanged(CUSTOMER, withdraw, SMS, false),
                               advanced(withdraw, null, StageRule.ANY_TOUCHPOINT));
    }

    @Test
    void startingAConversationAcquires() {
        Touchpoint chat = tp("tp-2", WHATSAPP, 10);
        fixture().given(reached(tp("tp-1", WEB, 0)))
                 .when(new StartConversation(CUSTOMER, chat, null, "conv-1", "sizes"))
                 .expectEvents(new ConversationStarted(CUSTOMER, chat, "conv-1", "sizes"),
                               advanced(chat, REACH, StageRule.CONVERSATION_STARTED));
    }

    @Test
    void addingToTheCartAcquires() {
        Touchpoint add = tp("tp-2", APP, 10);
        fixture().given(reached(tp("tp-1", WEB, 0)))
                 .when(addItem(add, "BOOTS-42", 1, "89.90"))
                 .expectEvents(itemAdded(add, "BOOTS-42", 1, "89.90"), advanced(add, REACH, StageRule.CART_ITEM_ADDED));
    }

    @Test
    void aFirstPurchaseConverts() {
        Touchpoint add = tp("tp-1", WEB, 0);
        Touchpoint checkout = tp("tp-2", APP, 10);
        fixture().given(started(add), itemAdded(add, "BOOTS-42", 1, "89.90"),
                        advanced(add, null, StageRule.CART_ITEM_ADDED))
                 .when(new CompleteCheckout(CUSTOMER, checkout, null, "order-1", null, Fulfilment.DELIVERY, null))
                 .expectEvents(checkedOut(checkout, "order-1", "BOOTS-42", "89.90", Fulfilment.DELIVERY, null),
                               advanced(checkout, ACQUISITION, StageRule.FIRST_PURCHASE));
    }

    @Test
    void aPurchaseAsFirstTouchpointSkipsStraightToConversion() {
        Touchpoint till = tp("tp-1", STORE, 0);
        fixture().givenNoPriorActivity()
                 .when(buyInStore(till, "till-1", "30.00", null))
                 .expectEvents(started(till), boughtInStore(till, "till-1", "30.00"),
                               advanced(till, null, StageRule.FIRST_PURCHASE));
    }

    @Test
    void aPurchaseAfterBrowsingSkipsAcquisition() {
        Touchpoint till = tp("tp-2", STORE, 10);
        fixture().given(reached(tp("tp-1", WEB, 0)))
                 .when(buyInStore(till, "till-1", "30.00", null))
                 .expectEvents(boughtInStore(till, "till-1", "30.00"), advanced(till, REACH, StageRule.FIRST_PURCHASE));
    }

    @Test
    void aSecondPurchaseRetains() {
        Touchpoint second = tp("tp-2", STORE, 10);
        fixture().given(converted(tp("tp-1", STORE, 0)))
                 .when(buyInStore(second, "till-2", "30.00", null))
                 .expectEvents(boughtInStore(second, "till-2", "30.00"),
                               advanced(second, CONVERSION, StageRule.SECOND_PURCHASE));
    }

    @Test
    void aPickupAfterThePurchaseRetains() {
        Touchpoint add = tp("tp-1", WEB, 0);
        Touchpoint checkout = tp("tp-2", WEB, 10);
        Touchpoint pickup = tp("tp-3", STORE, 60);
        fixture().given(started(add), itemAdded(add, "BOOTS-42", 1, "89.90"),
                        advanced(add, null, StageRule.CART_ITEM_ADDED),
                        checkedOut(checkout, "order-1", "BOOTS-42", "89.90", Fulfilment.STORE_PICKUP, "store-7"),
                        advanced(checkout, ACQUISITION, StageRule.FIRST_PURCHASE))
                 .when(new RecordOrderPickup(CUSTOMER, pickup, null, "order-1", "store-7"))
                 .expectEvents(new OrderPickedUp(CUSTOMER, pickup, "order-1", "store-7"),
                               advanced(pickup, CONVERSION, StageRule.PICKUP_AFTER_PURCHASE));
    }

    @Test
    void aReturnAfterThePurchaseRetains() {
        Touchpoint ret = tp("tp-2", STORE, 60);
        fixture().given(converted(tp("tp-1", STORE, 0)))
                 .when(new RecordOrderReturn(CUSTOMER, ret, null, "till-1", "store-1", "too small"))
                 .expectEvents(new OrderReturned(CUSTOMER, ret, "till-1", "store-1", "too small"),
                               advanced(ret, CONVERSION, StageRule.RETURN_AFTER_PURCHASE));
    }

    @Test
    void aConversationAfterThePurchaseRetains() {
        Touchpoint chat = tp("tp-2", WHATSAPP, 60);
        fixture().given(converted(tp("tp-1", STORE, 0)))
                 .when(new StartConversation(CUSTOMER, chat, null, "conv-1", "warranty"))
                 .expectEvents(new ConversationStarted(CUSTOMER, chat, "conv-1", "warranty"),
                               advanced(chat, CONVERSION, StageRule.CONVERSATION_AFTER_PURCHASE));
    }

    @Test
    void aThirdPurchaseMakesALoyalCustomer() {
        Touchpoint third = tp("tp-3", STORE, 20);
        fixture().given(retained(tp("tp-1", STORE, 0), tp("tp-2", STORE, 10)))
                 .when(buyInStore(third, "till-3", "30.00", null))
                 .expectEvents(boughtInStore(third, "till-3", "30.00"),
                               advanced(third, RETENTION, StageRule.THIRD_PURCHASE));
    }

    @Test
    void enrollingInLoyaltyAfterTheFirstPurchaseSkipsRetention() {
        Touchpoint enrol = tp("tp-2", STORE, 10);
        fixture().given(converted(tp("tp-1", STORE, 0)))
                 .when(new EnrolInLoyalty(CUSTOMER, enrol, null, "club"))
                 .expectEvents(new LoyaltyEnrolled(CUSTOMER, enrol, "club"),
                               advanced(enrol, CONVERSION, StageRule.LOYALTY_ENROLLED_AFTER_PURCHASE));
    }

    @Test
    void everyStageRuleIsReachedByOneOfTheseTests() {
        // Guard: a new rule must come with a test above.
        Set<StageRule> covered = EnumSet.of(StageRule.ANY_TOUCHPOINT, StageRule.IDENTITY_LINKED,
                                            StageRule.CONSENT_GRANTED, StageRule.CONVERSATION_STARTED,
                                            StageRule.CART_ITEM_ADDED, StageRule.FIRST_PURCHASE,
                                            StageRule.SECOND_PURCHASE, StageRule.PICKUP_AFTER_PURCHASE,
                                            StageRule.RETURN_AFTER_PURCHASE, StageRule.CONVERSATION_AFTER_PURCHASE,
                                            StageRule.THIRD_PURCHASE, StageRule.LOYALTY_ENROLLED_AFTER_PURCHASE);
        assertThat(covered).containsExactlyInAnyOrder(StageRule.values());
    }

    // --- never back -------------------------------------------------------------------------------------------------

    @Test
    void aLoyalCustomerStaysLoyalWhateverComesNext() {
        Touchpoint first = tp("tp-1", STORE, 0);
        Touchpoint enrol = tp("tp-2", STORE, 10);
        Touchpoint withdraw = tp("tp-3", SMS, 20);
        fixture().given(converted(first))
                 .andGiven(new LoyaltyEnrolled(CUSTOMER, enrol, "club"),
                           advanced(enrol, CONVERSION, StageRule.LOYALTY_ENROLLED_AFTER_PURCHASE))
                 .when(new ChangeConsent(CUSTOMER, withdraw, null, SMS, false))
                 .expectEvents(new ConsentChanged(CUSTOMER, withdraw, SMS, false));
    }

    @Test
    void anAcquisitionRuleDoesNotMoveAConvertedCustomerBack() {
        Touchpoint add = tp("tp-2", WEB, 10);
        fixture().given(converted(tp("tp-1", STORE, 0)))
                 .when(addItem(add, "BOOTS-42", 1, "89.90"))
                 .expectEvents(itemAdded(add, "BOOTS-42", 1, "89.90"));
    }

    @Test
    void aRetainedCustomerWhoReturnsAnOrderIsStillRetained() {
        Touchpoint ret = tp("tp-3", STORE, 60);
        fixture().given(retained(tp("tp-1", STORE, 0), tp("tp-2", STORE, 10)))
                 .when(new RecordOrderReturn(CUSTOMER, ret, null, "till-2", "store-1", "too small"))
                 .expectEvents(new OrderReturned(CUSTOMER, ret, "till-2", "store-1", "too small"));
    }

    // --- order independence -----------------------------------------------------------------------------------------

    @Test
    void aLoyaltyEnrolmentBeforeTheFirstPurchaseOnlyConverts() {
        Touchpoint enrol = tp("tp-1", STORE, 10);
        Touchpoint till = tp("tp-2", STORE, 20);
        fixture().given(started(enrol), new LoyaltyEnrolled(CUSTOMER, enrol, "club"),
                        advanced(enrol, null, StageRule.ANY_TOUCHPOINT))
                 .when(buyInStore(till, "till-1", "30.00", null))
                 .expectEvents(boughtInStore(till, "till-1", "30.00"), advanced(till, REACH, StageRule.FIRST_PURCHASE));
    }

    @Test
    void anEarlierPurchaseArrivingLatePutsAnEnrolmentAfterTheFirstPurchase() {
        Touchpoint enrol = tp("tp-1", STORE, 10);
        Touchpoint till = tp("tp-2", STORE, 20);
        Touchpoint earlier = tp("tp-3", STORE, 5);
        fixture().given(started(enrol), new LoyaltyEnrolled(CUSTOMER, enrol, "club"),
                        advanced(enrol, null, StageRule.ANY_TOUCHPOINT),
                        boughtInStore(till, "till-1", "30.00"), advanced(till, REACH, StageRule.FIRST_PURCHASE))
                 .when(buyInStore(earlier, "till-0", "30.00", null))
                 .expectEvents(boughtInStore(earlier, "till-0", "30.00"),
                               advanced(earlier, CONVERSION, StageRule.LOYALTY_ENROLLED_AFTER_PURCHASE));
    }

    @Test
    void aLatePurchaseMadeBeforeAnEnrolmentGoesStraightToLoyalty() {
        Touchpoint enrol = tp("tp-1", STORE, 10);
        Touchpoint earlier = tp("tp-2", STORE, 5);
        fixture().given(started(enrol), new LoyaltyEnrolled(CUSTOMER, enrol, "club"),
                        advanced(enrol, null, StageRule.ANY_TOUCHPOINT))
                 .when(buyInStore(earlier, "till-0", "30.00", null))
                 .expectEvents(boughtInStore(earlier, "till-0", "30.00"),
                               advanced(earlier, REACH, StageRule.LOYALTY_ENROLLED_AFTER_PURCHASE));
    }

    @Test
    void aConversationBeforeTheFirstPurchaseOnlyConverts() {
        Touchpoint chat = tp("tp-1", WHATSAPP, 10);
        Touchpoint till = tp("tp-2", STORE, 20);
        fixture().given(started(chat), new ConversationStarted(CUSTOMER, chat, "conv-1", "sizes"),
                        advanced(chat, null, StageRule.CONVERSATION_STARTED))
                 .when(buyInStore(till, "till-1", "30.00", null))
                 .expectEvents(boughtInStore(till, "till-1", "30.00"),
                               advanced(till, ACQUISITION, StageRule.FIRST_PURCHASE));
    }

    @Test
    void anEarlierPurchaseArrivingLatePutsAConversationAfterTheFirstPurchase() {
        Touchpoint chat = tp("tp-1", WHATSAPP, 30);
        Touchpoint earlier = tp("tp-2", STORE, 10);
        fixture().given(started(chat), new ConversationStarted(CUSTOMER, chat, "conv-1", "sizes"),
                        advanced(chat, null, StageRule.CONVERSATION_STARTED))
                 .when(buyInStore(earlier, "till-1", "30.00", null))
                 .expectEvents(boughtInStore(earlier, "till-1", "30.00"),
                               advanced(earlier, ACQUISITION, StageRule.CONVERSATION_AFTER_PURCHASE));
    }

    @Test
    void aPickupReportedLateStillRetains() {
        Touchpoint add = tp("tp-1", WEB, 0);
        Touchpoint checkout = tp("tp-2", WEB, 10);
        Touchpoint laterView = tp("tp-3", APP, 300);
        Touchpoint pickup = tp("tp-4", STORE, 100);
        fixture().given(started(add), itemAdded(add, "BOOTS-42", 1, "89.90"),
                        advanced(add, null, StageRule.CART_ITEM_ADDED),
                        checkedOut(checkout, "order-1", "BOOTS-42", "89.90", Fulfilment.STORE_PICKUP, "store-7"),
                        advanced(checkout, ACQUISITION, StageRule.FIRST_PURCHASE),
                        viewed(laterView, "SOCKS-1"))
                 .when(new RecordOrderPickup(CUSTOMER, pickup, null, "order-1", "store-7"))
                 .expectEvents(new OrderPickedUp(CUSTOMER, pickup, "order-1", "store-7"),
                               advanced(pickup, CONVERSION, StageRule.PICKUP_AFTER_PURCHASE));
    }

    @Test
    void aPickupThatDidNotOccurAfterThePurchaseDoesNotRetain() {
        // The till clock and the web shop clock disagree: the pickup's occurredAt is not after the order's.
        Touchpoint add = tp("tp-1", WEB, 0);
        Touchpoint checkout = tp("tp-2", WEB, 50);
        Touchpoint pickup = tp("tp-3", STORE, 40);
        fixture().given(started(add), itemAdded(add, "BOOTS-42", 1, "89.90"),
                        advanced(add, null, StageRule.CART_ITEM_ADDED),
                        checkedOut(checkout, "order-1", "BOOTS-42", "89.90", Fulfilment.STORE_PICKUP, "store-7"),
                        advanced(checkout, ACQUISITION, StageRule.FIRST_PURCHASE))
                 .when(new RecordOrderPickup(CUSTOMER, pickup, null, "order-1", "store-7"))
                 .expectEvents(new OrderPickedUp(CUSTOMER, pickup, "order-1", "store-7"));
    }

    @Test
    void aReturnReportedLateStillRetains() {
        Touchpoint till = tp("tp-1", STORE, 0);
        Touchpoint laterView = tp("tp-2", APP, 300);
        Touchpoint ret = tp("tp-3", STORE, 100);
        fixture().given(converted(till))
                 .andGiven(viewed(laterView, "SOCKS-1"))
                 .when(new RecordOrderReturn(CUSTOMER, ret, null, "till-1", "store-1", "too small"))
                 .expectEvents(new OrderReturned(CUSTOMER, ret, "till-1", "store-1", "too small"),
                               advanced(ret, CONVERSION, StageRule.RETURN_AFTER_PURCHASE));
    }

    @Test
    void anEarlierSecondPurchaseArrivingLateRetains() {
        Touchpoint till = tp("tp-1", STORE, 100);
        Touchpoint laterView = tp("tp-2", APP, 200);
        Touchpoint earlier = tp("tp-3", STORE, 50);
        fixture().given(converted(till))
                 .andGiven(viewed(laterView, "SOCKS-1"))
                 .when(buyInStore(earlier, "till-0", "30.00", null))
                 .expectEvents(boughtInStore(earlier, "till-0", "30.00"),
                               advanced(earlier, CONVERSION, StageRule.SECOND_PURCHASE));
    }

    @Test
    void anEarlierThirdPurchaseArrivingLateMakesALoyalCustomer() {
        Touchpoint earliest = tp("tp-3", STORE, 5);
        fixture().given(retained(tp("tp-1", STORE, 100), tp("tp-2", STORE, 200)))
                 .when(buyInStore(earliest, "till-0", "30.00", null))
                 .expectEvents(boughtInStore(earliest, "till-0", "30.00"),
                               advanced(earliest, RETENTION, StageRule.THIRD_PURCHASE));
    }

    /**
     * The stage is a function of the set of touchpoints: every arrival order of the same five touchpoints ends in the
     * same stage. (Consent at 1, a view at 5, an enrolment at 10 — before the purchase —, a purchase at 20, a
     * conversation at 30 — after it: RETENTION by CONVERSATION_AFTER_PURCHASE.)
     */
    @Test
    void everyArrivalOrderOfTheSameTouchpointsEndsInTheSameStage() {
        List<TouchpointCommand> touchpoints = List.of(
                grantConsent(tp("tp-1", Channel.WEB, 1), SMS),
                view(tp("tp-2", Channel.WEB, 5), "BOOTS-42"),
                new EnrolInLoyalty(CUSTOMER, tp("tp-3", STORE, 10), null, "club"),
                buyInStore(tp("tp-4", STORE, 20), "till-1", "30.00", null),
                new StartConversation(CUSTOMER, tp("tp-5", WHATSAPP, 30), null, "conv-1", "warranty"));
        List<List<TouchpointCommand>> orders = permutations(touchpoints);
        assertThat(orders).hasSize(120);
        for (List<TouchpointCommand> order : orders) {
            fixture().givenCommands(order.subList(0, order.size() - 1))
                     .when(order.get(order.size() - 1))
                     .expectSuccessfulHandlerExecution()
                     .expectState(journey -> {
                         assertThat(journey.lifecycle().stage()).as("arrival order %s", ids(order))
                                                                .isEqualTo(RETENTION);
                         assertThat(journey.lifecycle().history().get(journey.lifecycle().history().size() - 1)
                                           .rule()).isEqualTo(StageRule.CONVERSATION_AFTER_PURCHASE);
                     });
        }
    }

    private static List<String> ids(List<TouchpointCommand> order) {
        return order.stream().map(c -> c.touchpoint().id()).toList();
    }
}
