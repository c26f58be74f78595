package io.journeyengine.api.debug;

import io.journeyengine.api.customer.CustomerNotFound;
import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import io.journeyengine.api.problem.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Time travel: the journey as it was right after one of its events, named by sequence number or by the time the
 * engine recorded it, computed by the journey's own code ({@link JourneyStates}).
 */
@RestController
@Tag(name = "Debugging")
public class StateController {

    private final JourneyEvents events;
    private final JourneyStates states;
    private final JdbcTemplate jdbc;

    public StateController(JourneyEvents events, JourneyStates states, JdbcTemplate jdbc) {
        this.events = events;
        this.states = states;
        this.jdbc = jdbc;
    }

    /** The event the state is after: what happened, which touchpoint, when in business time and when recorded. */
    public record AfterEvent(long sequence, String type, String touchpointId, Instant occurredAt, Instant recordedAt) {
    }

    /** How the state was computed: from which checkpoint (null: the first event), folding how many events. */
    public record ComputedFrom(Long checkpoint, int eventsFolded) {
    }

    public record StateAnswer(String customerId, long atSequence, long lastSequence, AfterEvent event,
                              ComputedFrom computedFrom, JourneyState state) {
    }

    @Operation(summary = "The journey's state after one event (time travel)",
               description = "`atSequence=N`: after event N of the stream. `at=<instant>`: after the last event the "
                       + "engine had recorded at that instant (recording time, not the touchpoint's occurredAt). "
                       + "Neither: now. 404 CUSTOMER_NOT_FOUND, 404 SEQUENCE_NOT_FOUND past the end of the stream or "
                       + "before its first event; 400 VALIDATION_FAILED for a bad parameter or both at once.")
    @GetMapping("/api/customers/{customerId}/state")
    public StateAnswer state(@PathVariable String customerId,
                             @RequestParam(required = false) String atSequence,
                             @RequestParam(required = false) String at) {
        QueryParameters parameters = new QueryParameters();
        int sequence = parameters.integer("atSequence", atSequence, -1, 0, Integer.MAX_VALUE);
        Instant instant = parameters.instant("at", at);
        parameters.check();
        if (sequence >= 0 && instant != null) {
            throw new ProblemException(Problem.invalidQuery(List.of(
                    new Problem.FieldError("at", "give atSequence or at, not both"))));
        }
        long last = events.lastSequence(customerId).orElseThrow(() -> CustomerNotFound.of(customerId));
        long target;
        if (instant != null) {
            target = lastRecordedAtOrBefore(customerId, instant, last);
        } else if (sequence >= 0) {
            if (sequence > last) {
                throw notFound("Customer " + customerId + " has events 0 to " + last + "; there is no event "
                                       + sequence, last);
            }
            target = sequence;
        } else {
            target = last;
        }
        JourneyStates.Folded folded = states.at(customerId, target, null);
        DomainEventMessage<?> event = folded.lastEvent();
        StoredEvent described = events.describe(event, null);
        return new StateAnswer(customerId, target, last,
                               new AfterEvent(target, described.type(),
                                              java.util.Objects.toString(
                                                      event.getMetaData().get("touchpointId"), null),
                                              described.occurredAt(), described.recordedAt()),
                               new ComputedFrom(folded.checkpoint(), folded.eventsFolded()),
                               JourneyState.of(folded.journey()));
    }

    /**
     * The last event of the longest start of the stream that was recorded at or before {@code instant}. Recording
     * times grow with the sequence on one node; the scan stops at the first later one.
     */
    private long lastRecordedAtOrBefore(String customerId, Instant instant, long last) {
        long[] found = {-1};
        Instant[] first = {null};
        jdbc.query("SELECT sequence_number, time_stamp FROM domain_event_entry WHERE aggregate_identifier = ? "
                           + "ORDER BY sequence_number", rs -> {
            Instant recorded = DateTimeUtils.parseInstant(rs.getString(2));
            if (first[0] == null) {
                first[0] = recorded;
            }
            if (recorded.isAfter(instant)) {
                return;
            }
            if (found[0] == rs.getLong(1) - 1) {
                found[0] = rs.getLong(1);
            }
        }, customerId);
        if (found[0] < 0) {
            throw notFound("Customer " + customerId + " had no events at " + instant + "; its first event was "
                                   + "recorded at " + first[0], last);
        }
        return found[0];
    }

    private static ProblemException notFound(String detail, long last) {
        return new ProblemException(Problem.of(404, "SEQUENCE_NOT_FOUND", "No such event", detail)
                                           .with(Map.of("lastSequence", last)));
    }
}
