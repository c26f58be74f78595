package io.journeyengine.journey.lifecycle;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.browsing.ProductViewed;
import io.journeyengine.journey.consent.ConsentChanged;
import io.journeyengine.journey.conversation.ConversationStarted;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.identity.IdentityLinked;
import io.journeyengine.journey.identity.IdentityType;
import io.journeyengine.journey.loyalty.LoyaltyEnrolled;
import io.journeyengine.journey.order.OrderPickedUp;
import io.journeyengine.journey.order.OrderReturned;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.journeyengine.journey.JourneyFixtures.CUSTOMER;
import static io.journeyengine.journey.JourneyFixtures.T0;
import static io.journeyengine.journey.JourneyFixtures.boughtInStore;
import static io.journeyengine.journey.JourneyFixtures.itemAdded;
import static io.journeyengine.journey.JourneyFixtures.permutations;
import static io.journeyengine.journey.JourneyFixtures.tp;
import static io.journeyengine.journey.lifecycle.LifecycleSignal.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle rules applied to a plain list of touchpoints (signal + occurredAt), as the read side does for the
 * funnel of a time range, and the reduction of every touchpoint event to its signal that the journey uses too.
 */
class LifecycleFactsTest {

    private record Seen(LifecycleSignal signal, long minutes) {
    }

    private static Optional<StageRule> rule(List<Seen> touchpoints) {
        return fold(touchpoints).highestRule();
    }

    private static LifecycleFacts fold(List<Seen> touchpoints) {
        LifecycleFacts facts = LifecycleFacts.NONE;
        for (Seen seen : touchpoints) {
            facts = facts.with(seen.signal(), T0.plusSeconds(seen.minutes() * 60));
        }
        return facts;
    }

    @Test
    void noTouchpointsReachNoStage() {
        assertThat(rule(List.of())).isEmpty();
    }

    @Test
    void eachSignalOnItsOwnReachesItsRule() {
        Map<LifecycleSignal, StageRule> alone = Map.of(
                TOUCHPOINT, StageRule.ANY_TOUCHPOINT, IDENTITY_LINKED, StageRule.IDENTITY_LINKED,
                CONSENT_GRANTED, StageRule.CONSENT_GRANTED, CONVERSATION_STARTED, StageRule.CONVERSATION_STARTED,
                CART_ITEM_ADDED, StageRule.CART_ITEM_ADDED, PURCHASE, StageRule.FIRST_PURCHASE,
                // Without a purchase these only show the customer was reached.
                PICKUP, StageRule.ANY_TOUCHPOINT, RETURN, StageRule.ANY_TOUCHPOINT,
                LOYALTY_ENROLMENT, StageRule.ANY_TOUCHPOINT);
        assertThat(alone.keySet()).containsExactlyInAnyOrder(LifecycleSignal.values());
        alone.forEach((signal, expected) -> assertThat(rule(List.of(new Seen(signal, 0)))).as(signal.name())
                                                                                          .contains(expected));
    }

    @Test
    void afterTheFirstPurchaseComparesOccurredAtStrictly() {
        assertThat(rule(List.of(new Seen(PURCHASE, 10), new Seen(PICKUP, 20)))).contains(StageRule.PICKUP_AFTER_PURCHASE);
        assertThat(rule(List.of(new Seen(PURCHASE, 10), new Seen(RETURN, 10)))).contains(StageRule.FIRST_PURCHASE);
        assertThat(rule(List.of(new Seen(CONVERSATION_STARTED, 5), new Seen(PURCHASE, 10))))
                .contains(StageRule.FIRST_PURCHASE);
        assertThat(rule(List.of(new Seen(PURCHASE, 10), new Seen(LOYALTY_ENROLMENT, 11))))
                .contains(StageRule.LOYALTY_ENROLLED_AFTER_PURCHASE);
        assertThat(rule(List.of(new Seen(PURCHASE, 1), new Seen(PURCHASE, 2)))).contains(StageRule.SECOND_PURCHASE);
        assertThat(rule(List.of(new Seen(PURCHASE, 1), new Seen(PURCHASE, 2), new Seen(PURCHASE, 3))))
                .contains(StageRule.THIRD_PURCHASE);
    }

    @Test
    void theFactsDoNotDependOnTheOrderTheTouchpointsAreAddedIn() {
        List<Seen> touchpoints = List.of(new Seen(CONSENT_GRANTED, 1), new Seen(LOYALTY_ENROLMENT, 10),
                                         new Seen(PURCHASE, 20), new Seen(CONVERSATION_STARTED, 30),
                                         new Seen(PURCHASE, 5));
        LifecycleFacts expected = fold(touchpoints);
        for (List<Seen> order : permutations(touchpoints)) {
            assertThat(fold(order)).as("order %s", order).isEqualTo(expected);
        }
        // The purchase at 5 makes the enrolment at 10 one "after the first purchase".
        assertThat(expected.highestRule()).contains(StageRule.LOYALTY_ENROLLED_AFTER_PURCHASE);
    }

    @Test
    void everyTouchpointEventIsReducedToItsSignal() {
        Touchpoint at = tp("tp-1", Channel.WEB, 0);
        Map<TouchpointEvent, LifecycleSignal> cases = Map.of(
                new ProductViewed(CUSTOMER, at, "A"), TOUCHPOINT,
                new IdentityLinked(CUSTOMER, at, Identity.of(IdentityType.EMAIL, "a@b.nl")), IDENTITY_LINKED,
                new ConsentChanged(CUSTOMER, at, Channel.SMS, true), CONSENT_GRANTED,
                new ConsentChanged(CUSTOMER, tp("tp-2", Channel.WEB, 0), Channel.SMS, false), TOUCHPOINT,
                new ConversationStarted(CUSTOMER, at, "c-1", "sizes"), CONVERSATION_STARTED,
                itemAdded(at, "A", 1, "1.00"), CART_ITEM_ADDED,
                boughtInStore(at, "till-1", "30.00"), PURCHASE,
                new OrderPickedUp(CUSTOMER, at, "o-1", "s-1"), PICKUP,
                new OrderReturned(CUSTOMER, at, "o-1", "s-1", "too small"), RETURN,
                new LoyaltyEnrolled(CUSTOMER, at, "club"), LOYALTY_ENROLMENT);
        cases.forEach((event, signal) -> assertThat(LifecycleSignal.of(event))
                .as(event.getClass().getSimpleName()).isEqualTo(signal));
    }
}
