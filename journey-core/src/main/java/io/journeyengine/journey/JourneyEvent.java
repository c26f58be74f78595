package io.journeyengine.journey;

/** Every event of a customer journey names its customer. */
public interface JourneyEvent {
    String customerId();
}
