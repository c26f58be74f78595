package io.journeyengine.views.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional {@code from} (inclusive) / {@code to} (exclusive) window of an analytics question, on business time
 * ({@code occurredAt}). Without either bound the figures come from the pre-aggregated tables; with one they are
 * computed from the rows whose time lies in the window.
 */
public record TimeRange(Instant from, Instant to) {

    public static final TimeRange ALL = new TimeRange(null, null);

    public TimeRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public boolean isAll() {
        return from == null && to == null;
    }

    /** {@code " AND column >= ? AND column < ?"} for the bounds that are set; {@link #arguments()} fills them in. */
    public String condition(String column) {
        return (from == null ? "" : " AND " + column + " >= ?") + (to == null ? "" : " AND " + column + " < ?");
    }

    public List<Object> arguments() {
        List<Object> arguments = new ArrayList<>(2);
        if (from != null) {
            arguments.add(utc(from));
        }
        if (to != null) {
            arguments.add(utc(to));
        }
        return arguments;
    }

    /** How instants are bound to {@code TIMESTAMP WITH TIME ZONE} columns: independent of the JVM's time zone. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
