package io.journeyengine.journey.order;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ORDER_PICKED_UP: the customer collected a click-and-collect order in a store. */
public record RecordOrderPickup(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint,
                                Identity addressedBy, String orderId, String storeId) implements TouchpointCommand {
}
