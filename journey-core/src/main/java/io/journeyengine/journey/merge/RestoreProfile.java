package io.journeyengine.journey.merge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The merged profile's half of an unmerge: it is a customer of its own again. */
public record RestoreProfile(@TargetAggregateIdentifier String customerId, String survivorId, Instant at) {
}
