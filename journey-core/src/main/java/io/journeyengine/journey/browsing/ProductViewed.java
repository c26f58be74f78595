package io.journeyengine.journey.browsing;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;

/** The customer looked at a product. */
public record ProductViewed(String customerId, Touchpoint touchpoint, String sku) implements TouchpointEvent {
}
