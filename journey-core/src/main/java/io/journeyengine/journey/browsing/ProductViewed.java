package io.journeyengine.journey.browsing;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import org.axonframework.serialization.Revision;

/** The customer looked at a product. */
@Revision("1")
public record ProductViewed(String customerId, Touchpoint touchpoint, String sku) implements TouchpointEvent {
}
