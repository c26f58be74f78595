package io.journeyengine.journey.deadline;

import java.time.Duration;
import java.time.Instant;

/**
 * Something the journey waits for, as the payload of a persistent deadline: when it is due (business time), under
 * which name it is scheduled and cancelled, and the touchpoint that last set it (so events caused by the deadline can
 * name their cause).
 */
public interface JourneyDeadline {

    /** The deadline's name: its kind, plus what it is about when a customer can have several of the kind. */
    String deadlineName();

    Instant dueAt();

    /** The id of the touchpoint whose event set this deadline. */
    String causedBy();

    /**
     * How long the engine waits, after it received the touchpoint that set this deadline, before the deadline may
     * fire, even if {@link #dueAt()} has already passed: a touchpoint reported late (a cart two days old) must not be
     * abandoned before the touchpoints that followed it have had time to arrive. Zero for absolute deadlines.
     */
    default Duration quietPeriod() {
        return Duration.ZERO;
    }
}
