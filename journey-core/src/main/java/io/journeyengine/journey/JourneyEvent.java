package io.journeyengine.journey;

/** Every event of a customer journey names its customer, and the touchpoint that caused it. */
public interface JourneyEvent {
    String customerId();

    /**
     * The touchpoint that caused this event (every event of today has one; the record component implements this).
     * Null only for an event the engine produces without a touchpoint.
     */
    default Touchpoint touchpoint() {
        return null;
    }
}
