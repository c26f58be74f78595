package io.journeyengine.journey.cart;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;

/** Items came out of the customer's cart. */
public record CartItemRemoved(String customerId, Touchpoint touchpoint, String sku, int quantity)
        implements TouchpointEvent {
}
