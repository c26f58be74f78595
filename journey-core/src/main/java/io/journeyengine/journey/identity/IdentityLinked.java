package io.journeyengine.journey.identity;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import org.axonframework.serialization.Revision;

/** An IDENTITY_LINKED touchpoint was applied: the identity now belongs to this customer. */
@Revision("1")
public record IdentityLinked(String customerId, Touchpoint touchpoint, Identity identity)
        implements TouchpointEvent, IdentityEvent {
}
