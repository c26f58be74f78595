package io.journeyengine.journey.order;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * CHECKOUT_COMPLETED: the customer bought the whole cross-channel cart, optionally with a promo code.
 * {@code storeId} names the pickup store for {@link Fulfilment#STORE_PICKUP}.
 */
public record CompleteCheckout(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint,
                               Identity addressedBy, String orderId, String promoCode, Fulfilment fulfilment,
                               String storeId) implements TouchpointCommand {
}
