package io.journeyengine.journey.order;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;

/** A click-and-collect order was collected in store {@code storeId}. */
public record OrderPickedUp(String customerId, Touchpoint touchpoint, String orderId, String storeId)
        implements TouchpointEvent {
}
