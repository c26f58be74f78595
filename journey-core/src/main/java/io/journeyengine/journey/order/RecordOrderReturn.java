package io.journeyengine.journey.order;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ORDER_RETURNED: the customer returned a whole order (in a store when {@code storeId} is given). */
public record RecordOrderReturn(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint,
                                Identity addressedBy, String orderId, String storeId, String reason)
        implements TouchpointCommand {
}
