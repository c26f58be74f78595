package io.journeyengine.journey.order;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;

/** A whole order came back. */
public record OrderReturned(String customerId, Touchpoint touchpoint, String orderId, String storeId, String reason)
        implements TouchpointEvent {
}
