package io.journeyengine.api.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.config.JourneyClock;
import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import io.journeyengine.api.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The engine's clock over HTTP, for simulations and demos: read it, and — only on an engine started with
 * {@code journey.clock.adjustable=true} — move it forward, so the deadlines of a simulated month (abandoned carts,
 * code expiries, idle conversations) fire in minutes. A production engine keeps the setting off and answers
 * {@code 409 CLOCK_NOT_ADJUSTABLE}.
 */
@RestController
@Tag(name = "Admin", description = "Keys, audit and views")
public class ClockController {

    /** The engine's "now" and whether it may be moved. */
    public record ClockState(Instant now, boolean adjustable) {
    }

    private final JourneyClock clock;
    private final AuditLog audit;

    public ClockController(Clock clock, AuditLog audit) {
        // The engine's clock is a JourneyClock (config/ClockConfiguration); another Clock bean is a fixed one.
        this.clock = clock instanceof JourneyClock journeyClock ? journeyClock
                : new JourneyClock(clock, null, false);
        this.audit = audit;
    }

    @Operation(summary = "The engine's clock", description = "Its current instant and whether it is adjustable.")
    @GetMapping("/api/admin/clock")
    public ClockState clock() {
        return new ClockState(clock.instant(), clock.adjustable());
    }

    @Operation(summary = "Move the engine's clock forward",
               description = "Body {\"advanceBy\": \"P30D\"} (an ISO-8601 duration) or {\"to\": \"<instant>\"}, "
                       + "never backwards. Due deadlines fire at once. Only with journey.clock.adjustable=true "
                       + "(409 CLOCK_NOT_ADJUSTABLE otherwise).")
    @PostMapping("/api/admin/clock")
    public ClockState move(@RequestBody(required = false) JsonNode body) {
        Duration by = parse(body);
        if (!clock.adjustable()) {
            throw new ProblemException(Problem.of(409, "CLOCK_NOT_ADJUSTABLE", "The clock is not adjustable",
                                                  "This engine runs on the system clock; start it with "
                                                          + "journey.clock.adjustable=true to move it"));
        }
        Instant from = clock.instant();
        clock.advance(by);
        audit.record("CLOCK_ADVANCED", "clock", "from=" + from + " by=" + by);
        return clock();
    }

    /** The move as a non-negative duration, or {@code 400 VALIDATION_FAILED} naming the field. */
    private Duration parse(JsonNode body) {
        JsonNode advanceBy = body == null ? null : body.get("advanceBy");
        JsonNode to = body == null ? null : body.get("to");
        if ((advanceBy == null) == (to == null)) {
            throw invalid("advanceBy", "give exactly one of advanceBy (an ISO-8601 duration) and to (an instant)");
        }
        if (advanceBy != null) {
            try {
                Duration by = Duration.parse(advanceBy.asText());
                if (by.isNegative()) {
                    throw invalid("advanceBy", "the clock only moves forward");
                }
                return by;
            } catch (DateTimeParseException e) {
                throw invalid("advanceBy", "must be an ISO-8601 duration, e.g. P30D or PT3H");
            }
        }
        try {
            Duration by = Duration.between(clock.instant(), OffsetDateTime.parse(to.asText()).toInstant());
            if (by.isNegative()) {
                throw invalid("to", "lies before the engine's current time; the clock only moves forward");
            }
            return by;
        } catch (DateTimeParseException e) {
            throw invalid("to", "must be an ISO-8601 instant with an offset, e.g. 2026-12-01T00:00:00Z");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.validation("Invalid clock move",
                                                       List.of(new Problem.FieldError(field, message))));
    }
}
