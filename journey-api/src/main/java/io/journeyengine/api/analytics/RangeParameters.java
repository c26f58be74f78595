package io.journeyengine.api.analytics;

import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import io.journeyengine.views.support.TimeRange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code from} (inclusive) and {@code to} (exclusive) query parameters of the analytics endpoints: ISO-8601
 * instants with an offset, as {@code occurredAt} is sent. Every mistake is named at once in a
 * {@code 400 VALIDATION_FAILED}.
 */
public final class RangeParameters {

    private RangeParameters() {
    }

    public static TimeRange parse(String from, String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new Problem.FieldError("to", "must be later than from"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation("Invalid query parameters", errors));
        }
        return new TimeRange(start, end);
    }

    private static Instant instant(String name, String text, List<Problem.FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "must be an ISO-8601 instant with an offset, e.g. "
                    + "2026-11-20T09:15:00Z"));
            return null;
        }
    }
}
