package io.journeyengine.journey;

import io.journeyengine.journey.privacy.DataSubject;

/** Every event of a customer journey names its customer (whose personal data it may hold) and the touchpoint that caused it. */
public interface JourneyEvent extends DataSubject {
    @Override
    String customerId();

    /**
     * The touchpoint that caused this event (every event of today has one; the record component implements this).
     * Null only for an event the engine produces without a touchpoint.
     */
    default Touchpoint touchpoint() {
        return null;
    }
}
