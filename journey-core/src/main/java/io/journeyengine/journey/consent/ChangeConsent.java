package io.journeyengine.journey.consent;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** CONSENT_CHANGED: the customer granted or withdrew marketing consent for one channel. */
public record ChangeConsent(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint, Identity addressedBy,
                            Channel consentChannel, boolean granted) implements TouchpointCommand {
}
