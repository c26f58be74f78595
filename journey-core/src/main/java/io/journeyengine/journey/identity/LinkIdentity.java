package io.journeyengine.journey.identity;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** IDENTITY_LINKED: a channel learned another way to recognise the customer (a login, a loyalty card at the till). */
public record LinkIdentity(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint, Identity addressedBy,
                           Identity identity) implements TouchpointCommand {
}
