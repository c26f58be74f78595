package io.journeyengine.journey.browsing;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** PRODUCT_VIEWED: the customer looked at a product. */
public record ViewProduct(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint, Identity addressedBy,
                          String sku) implements TouchpointCommand {
}
