package io.journeyengine.journey.order;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import org.axonframework.serialization.Revision;

/** A click-and-collect order was collected in store {@code storeId}. */
@Revision("1")
public record OrderPickedUp(String customerId, Touchpoint touchpoint, String orderId, String storeId)
        implements TouchpointEvent {
}
