package io.journeyengine.journey.merge;

import io.journeyengine.journey.JourneyEvent;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.serialization.Revision;

/**
 * This profile was merged into {@code survivorId}: {@code touchpoint} linked {@code evidence}, one of its identities,
 * to that customer. From now on it is an alias: touchpoints naming it land on the survivor, and it is no longer
 * counted as a customer. Its own state stays as it was, so that the merge can be undone.
 */
@Revision("1")
public record ProfileMergedInto(String customerId, Touchpoint touchpoint, String survivorId, Identity evidence)
        implements JourneyEvent {
}
