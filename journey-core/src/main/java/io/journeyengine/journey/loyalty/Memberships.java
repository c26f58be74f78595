package io.journeyengine.journey.loyalty;

import io.journeyengine.journey.JourneyRuleViolation;
import io.journeyengine.journey.RuleCode;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Set;

/** The loyalty programmes the customer belongs to. */
public class Memberships {

    private final Set<String> programmes = new HashSet<>();

    public void checkCanEnrol(String programId) {
        if (programmes.contains(programId)) {
            throw new JourneyRuleViolation(RuleCode.LOYALTY_ALREADY_ENROLLED,
                                           "The customer is already enrolled in loyalty programme '" + programId + "'");
        }
    }

    public Set<String> programmes() {
        return Set.copyOf(programmes);
    }

    @EventSourcingHandler
    void on(LoyaltyEnrolled event) {
        programmes.add(event.programId());
    }
}
