package io.journeyengine.journey.promotion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.journeyengine.journey.deadline.JourneyDeadline;
import io.journeyengine.journey.deadline.JourneyDeadlines;

import java.time.Instant;

/**
 * Deadline payload: unless used before, {@code code} (sent by touchpoint {@code causedBy}) expires once
 * {@code expiresAt} has passed. A purchase at exactly {@code expiresAt} is still accepted, so the deadline is due a
 * millisecond later.
 */
public record PromoCodeExpiryDue(String code, Instant expiresAt, String causedBy) implements JourneyDeadline {

    @Override
    @JsonIgnore
    public String deadlineName() {
        return JourneyDeadlines.name(JourneyDeadlines.PROMO_EXPIRY, code);
    }

    @Override
    @JsonIgnore
    public Instant dueAt() {
        return expiresAt.plusMillis(1);
    }
}
