package io.journeyengine.journey;

import java.time.Instant;
import java.util.Objects;

/**
 * What every touchpoint says about itself: its idempotency key, the channel that reported it and when it happened in
 * business time ({@code occurredAt}; may be late or out of order). When the engine received it is recorded in the
 * event's metadata, not here.
 */
public record Touchpoint(String id, Channel channel, Instant occurredAt) {
    public Touchpoint {
        Objects.requireNonNull(id, "touchpoint id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
