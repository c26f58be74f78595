package io.journeyengine.journey.merge;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The second half of a merge, sent to the surviving profile (created if it is new) with what the merged one handed
 * over. Answers the names of the events it applied; a profile already taken over applies nothing.
 */
public record TakeOverProfile(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint, Identity evidence,
                              MergedProfile profile) {
}
