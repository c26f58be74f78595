package io.journeyengine.journey.loyalty;

import io.journeyengine.journey.RuleCode;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.lifecycle.StageRule;
import org.junit.jupiter.api.Test;

import static io.journeyengine.journey.Channel.APP;
import static io.journeyengine.journey.Channel.STORE;
import static io.journeyengine.journey.JourneyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** LOYALTY_ENROLLED. */
class LoyaltyTest {

    private final Touchpoint enrol = tp("tp-1", STORE, 0);

    @Test
    void aCustomerIsEnrolled() {
        fixture().givenNoPriorActivity()
                 .when(new EnrolInLoyalty(CUSTOMER, enrol, null, "club"))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(started(enrol), new LoyaltyEnrolled(CUSTOMER, enrol, "club"),
                               advanced(enrol, null, StageRule.ANY_TOUCHPOINT));
    }

    @Test
    void enrollingTwiceInTheSameProgrammeIsRefused() {
        Touchpoint again = tp("tp-2", APP, 10);
        fixture().given(started(enrol), new LoyaltyEnrolled(CUSTOMER, enrol, "club"),
                        advanced(enrol, null, StageRule.ANY_TOUCHPOINT))
                 .when(new EnrolInLoyalty(CUSTOMER, again, null, "club"))
                 .expectException(violation(RuleCode.LOYALTY_ALREADY_ENROLLED))
                 .expectNoEvents();
        assertThat(RuleCode.LOYALTY_ALREADY_ENROLLED.conflict).isTrue();
    }

    @Test
    void aCustomerCanJoinAnotherProgramme() {
        Touchpoint other = tp("tp-2", APP, 10);
        fixture().given(started(enrol), new LoyaltyEnrolled(CUSTOMER, enrol, "club"),
                        advanced(enrol, null, StageRule.ANY_TOUCHPOINT))
                 .when(new EnrolInLoyalty(CUSTOMER, other, null, "kids-club"))
                 .expectEvents(new LoyaltyEnrolled(CUSTOMER, other, "kids-club"));
    }
}
