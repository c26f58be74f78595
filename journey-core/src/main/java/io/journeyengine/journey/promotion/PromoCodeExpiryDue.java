package io.journeyengine.journey.promotion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.journeyengine.journey.deadline.JourneyDeadline;
import io.journeyengine.journey.deadline.JourneyDeadlines;

import java.time.Instant;

/** Deadline payload: unless used before, {@code code} (sent by touchpoint {@code causedBy}) expires at {@code dueAt}. */
public record PromoCodeExpiryDue(String code, Instant dueAt, String causedBy) implements JourneyDeadline {

    @Override
    @JsonIgnore
    public String deadlineName() {
        return JourneyDeadlines.name(JourneyDeadlines.PROMO_EXPIRY, code);
    }
}
