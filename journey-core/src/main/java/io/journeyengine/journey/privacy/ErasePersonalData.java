package io.journeyengine.journey.privacy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Erase the customer's personal data (GDPR article 17): sent by the erasure endpoint, never by a channel. */
public record ErasePersonalData(@TargetAggregateIdentifier String customerId, Instant at) {
}
