package io.journeyengine.journey.merge;

import io.journeyengine.journey.JourneyEvent;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * This profile, merged into {@code survivorId} until {@code at}, is a customer of its own again, with the state it
 * had when it was merged. Touchpoints that reached the survivor in between stay there.
 */
@Revision("1")
public record ProfileRestored(String customerId, String survivorId, Instant at) implements JourneyEvent {
}
