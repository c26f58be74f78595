package io.journeyengine.journey.cart;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** CART_ITEM_REMOVED: the customer took {@code quantity} of a product out of the cart. */
public record RemoveCartItem(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint, Identity addressedBy,
                             String sku, int quantity) implements TouchpointCommand {
}
