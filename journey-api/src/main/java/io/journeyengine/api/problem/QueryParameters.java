package io.journeyengine.api.problem;

import io.journeyengine.api.problem.Problem.FieldError;
import io.journeyengine.views.support.TimeRange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the query parameters of a read endpoint. Each read notes what is wrong instead of throwing, and
 * {@link #check()} then answers {@code 400 VALIDATION_FAILED} naming every bad parameter at once, the way bodies are
 * validated. A parameter that is absent or blank takes its default.
 */
public final class QueryParameters {

    /** Lists: {@code page} from 0, {@code size} 1–500, 50 by default. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;

    private final List<FieldError> errors = new ArrayList<>();

    /** A whole number from {@code min} to {@code max}, or {@code absent} when not given. */
    public int integer(String name, String raw, int absent, int min, int max) {
        if (blank(raw)) {
            return absent;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return absent;
    }

    /** A global position of the event store (a whole number ≥ 0), or {@code -1} when not given. */
    public long position(String name, String raw) {
        if (blank(raw)) {
            return -1;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a position from an earlier event (a whole number ≥ 0)"));
        return -1;
    }

    /** A comma-separated choice among {@code allowed}; all of them when not given. */
    public java.util.Set<String> subset(String name, String raw, List<String> allowed) {
        if (blank(raw)) {
            return new java.util.LinkedHashSet<>(allowed);
        }
        java.util.Set<String> chosen = new java.util.LinkedHashSet<>();
        for (String item : raw.split(",")) {
            String value = item.trim().toLowerCase(java.util.Locale.ROOT);
            if (!allowed.contains(value)) {
                errors.add(new FieldError(name, "must be a comma-separated list of " + allowed));
                return new java.util.LinkedHashSet<>(allowed);
            }
            chosen.add(value);
        }
        return chosen;
    }

    public int page(String raw) {
        return integer("page", raw, 0, 0, Integer.MAX_VALUE);
    }

    public int size(String raw) {
        return integer("size", raw, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    }

    /** An ISO-8601 instant with an offset, or null when not given. */
    public Instant instant(String name, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant with an offset, e.g. 2026-11-20T09:15:00Z"));
            return null;
        }
    }

    /**
     * The parameters {@code from} (inclusive) and {@code to} (exclusive) on {@code occurredAt}: both optional, but
     * {@code from} must lie before {@code to}. An invalid range comes back as {@link TimeRange#ALL}; {@link #check()}
     * refuses the request anyway.
     */
    public TimeRange range(String rawFrom, String rawTo) {
        Instant from = instant("from", rawFrom);
        Instant to = instant("to", rawTo);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("to", "must be later than from"));
            return TimeRange.ALL;
        }
        return new TimeRange(from, to);
    }

    /** A request with only a time range: the range, or {@code 400 VALIDATION_FAILED}. */
    public static TimeRange rangeOnly(String from, String to) {
        QueryParameters parameters = new QueryParameters();
        TimeRange range = parameters.range(from, to);
        parameters.check();
        return range;
    }

    /** One of the constants of {@code type} by its exact name, or null when not given. */
    public <E extends Enum<E>> E oneOf(String name, String raw, Class<E> type) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    /** Notes a parameter that is wrong for a reason the readers above do not know. */
    public void invalid(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** Ends the request with {@code 400 VALIDATION_FAILED} if any parameter was wrong. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation("Invalid query parameters", errors));
        }
    }

    private static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }
}
