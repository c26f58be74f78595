package io.journeyengine.api.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How a failing deadline is retried ({@code journey.deadlines.*}).
 *
 * @param maxAttempts  attempts before a deadline is parked (the first one included)
 * @param retryBackoff wait before the first retry; it doubles with each further failure
 */
@ConfigurationProperties("journey.deadlines")
public record DeadlineProperties(Integer maxAttempts, Duration retryBackoff) {

    public DeadlineProperties {
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofMinutes(1) : retryBackoff;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("journey.deadlines.max-attempts must be at least 1");
        }
    }

    /** The wait after the {@code failures}-th consecutive failure: backoff, 2 × backoff, 4 × backoff, ... */
    public Duration backoffAfter(int failures) {
        return retryBackoff.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
    }
}
