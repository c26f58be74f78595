package io.journeyengine.journey.loyalty;

import io.journeyengine.journey.JourneyRuleViolation;
import io.journeyengine.journey.RuleCode;
import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileUnmerged;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.List;
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

    /** The programmes of a merged profile this customer joins: those it is not enrolled in already. */
    public List<String> toTake(List<String> theirs) {
        return theirs.stream().filter(p -> !programmes.contains(p)).toList();
    }

    @EventSourcingHandler
    void on(LoyaltyEnrolled event) {
        programmes.add(event.programId());
    }

    @EventSourcingHandler
    void on(ProfileMerged event) {
        programmes.addAll(event.profile().loyaltyProgrammes());
    }

    @EventSourcingHandler
    void on(ProfileUnmerged event) {
        event.returned().loyaltyProgrammes().forEach(programmes::remove);
    }
}
