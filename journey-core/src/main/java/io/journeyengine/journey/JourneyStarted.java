package io.journeyengine.journey;

/** The first applied touchpoint of a customer created its journey. */
public record JourneyStarted(String customerId, Touchpoint touchpoint) implements JourneyEvent {
}
