package io.journeyengine.journey;

import org.axonframework.serialization.Revision;

/** The first applied touchpoint of a customer created its journey. */
@Revision("1")
public record JourneyStarted(String customerId, Touchpoint touchpoint) implements JourneyEvent {
}
