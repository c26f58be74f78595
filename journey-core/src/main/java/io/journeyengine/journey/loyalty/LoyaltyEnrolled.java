package io.journeyengine.journey.loyalty;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import org.axonframework.serialization.Revision;

/** The customer joined loyalty programme {@code programId}. */
@Revision("1")
public record LoyaltyEnrolled(String customerId, Touchpoint touchpoint, String programId) implements TouchpointEvent {
}
