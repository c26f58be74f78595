package io.journeyengine.views.lifecycle;

import java.time.Instant;

/**
 * Query: the lifecycle funnel. Without {@code from} and {@code to} (both null) it is the stage every customer is in
 * now; with either, it is as if only the touchpoints with {@code from <= occurredAt < to} existed.
 */
public record FindFunnel(Instant from, Instant to) {

    public boolean ranged() {
        return from != null || to != null;
    }
}
