package io.journeyengine.journey.identity;

import io.journeyengine.journey.JourneyEvent;
import io.journeyengine.journey.Touchpoint;
import org.axonframework.serialization.Revision;

/**
 * A channel addressed the customer by an identity the journey had not seen yet (the SMS gateway's phone number on
 * the first message). Unlike {@link IdentityLinked} this is not a touchpoint of its own but a consequence of one.
 */
@Revision("1")
public record IdentityCaptured(String customerId, Touchpoint touchpoint, Identity identity)
        implements JourneyEvent, IdentityEvent {
}
