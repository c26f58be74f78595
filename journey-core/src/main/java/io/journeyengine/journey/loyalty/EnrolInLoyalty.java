package io.journeyengine.journey.loyalty;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** LOYALTY_ENROLLED: the customer joined a loyalty programme. */
public record EnrolInLoyalty(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint, Identity addressedBy,
                             String programId) implements TouchpointCommand {
}
