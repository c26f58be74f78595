package io.journeyengine.journey.loyalty;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;

/** The customer joined loyalty programme {@code programId}. */
public record LoyaltyEnrolled(String customerId, Touchpoint touchpoint, String programId) implements TouchpointEvent {
}
