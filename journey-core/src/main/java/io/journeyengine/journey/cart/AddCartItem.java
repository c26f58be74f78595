package io.journeyengine.journey.cart;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** CART_ITEM_ADDED: the customer put {@code quantity} of a product in the cart, on whatever channel. */
public record AddCartItem(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint, Identity addressedBy,
                          String sku, int quantity, BigDecimal unitPrice, String currency) implements TouchpointCommand {
}
