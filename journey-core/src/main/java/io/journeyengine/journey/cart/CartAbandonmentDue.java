package io.journeyengine.journey.cart;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.journeyengine.journey.deadline.JourneyDeadline;
import io.journeyengine.journey.deadline.JourneyDeadlines;

import java.time.Duration;
import java.time.Instant;

/**
 * Deadline payload: the cart, last changed at {@code lastActivityAt} by touchpoint {@code causedBy}, counts as
 * abandoned at {@code dueAt} unless something happens to it before.
 */
public record CartAbandonmentDue(Instant dueAt, Instant lastActivityAt, String causedBy) implements JourneyDeadline {

    @Override
    @JsonIgnore
    public String deadlineName() {
        return JourneyDeadlines.CART_ABANDONMENT;
    }

    /** The inactivity delay itself: it runs from when the engine heard of the last activity, too. */
    @Override
    @JsonIgnore
    public Duration quietPeriod() {
        return Duration.between(lastActivityAt, dueAt);
    }
}
