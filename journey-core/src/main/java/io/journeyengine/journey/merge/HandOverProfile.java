package io.journeyengine.journey.merge;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The first half of a merge, sent to the profile that is merged away: {@code evidence}, one of its identities, was
 * linked to {@code survivorId} by {@code touchpoint}. Answers the {@link MergedProfile} the survivor takes over.
 */
public record HandOverProfile(@TargetAggregateIdentifier String customerId, String survivorId, Touchpoint touchpoint,
                              Identity evidence) {
}
