package io.journeyengine.journey.cart;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import org.axonframework.serialization.Revision;

/** Items came out of the customer's cart. */
@Revision("1")
public record CartItemRemoved(String customerId, Touchpoint touchpoint, String sku, int quantity)
        implements TouchpointEvent {
}
