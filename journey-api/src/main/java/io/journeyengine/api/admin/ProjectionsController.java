package io.journeyengine.api.admin;

import io.journeyengine.api.problem.ProblemException;
import io.journeyengine.api.read.ViewPositions;
import io.journeyengine.api.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The views as operators see them: how far each has got, how far behind the event store it is, the events it
 * parked, and rebuilding one from the event store.
 */
@RestController
@Tag(name = "Admin", description = "Keys, audit and views")
public class ProjectionsController {

    private final ViewPositions positions;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final ProjectionReplays replays;

    public ProjectionsController(ViewPositions positions, EventProcessingConfiguration processing, JdbcTemplate jdbc,
                                 AuditLog audit, ProjectionReplays replays) {
        this.positions = positions;
        this.processing = processing;
        this.jdbc = jdbc;
        this.audit = audit;
        this.replays = replays;
    }

    /**
     * One view: {@code position} is the lowest position all its segments have reached (-1 before the first), {@code
     * head} the event store's last position, {@code lag} the events between them; {@code deadLetters} the events
     * parked, of {@code parkedCustomers} customers.
     */
    public record ProjectionStatus(String name, boolean running, int segments, int segmentsClaimedHere,
                                   long position, long head, long lag, boolean deadLetterQueue, long deadLetters,
                                   long parkedCustomers) {
    }

    /** One view with its latest rebuild, if there was one since this node started. */
    public record ProjectionDetail(ProjectionStatus view, ProjectionReplays.Progress replay) {
    }

    /** What a retry of parked events did. */
    public record RetryResult(String name, int retried, long stillParked) {
    }

    @Operation(summary = "Views, their position and lag",
               description = "Every view (processing group) with its position in the event store, the lag behind "
                       + "the store's head, and its dead letters.")
    @GetMapping("/api/admin/projections")
    public List<ProjectionStatus> projections() {
        Map<String, List<ViewPositions.SegmentToken>> tokens = positions.tokens();
        long head = head();
        List<ProjectionStatus> views = new ArrayList<>();
        for (String name : positions.views()) {
            views.add(status(name, tokens.getOrDefault(name, List.of()), head));
        }
        return views;
    }

    @Operation(summary = "One view, with its rebuild's progress",
               description = "The view's position and lag, and its latest replay since this node started: "
                       + "replaying, startedAt, finishedAt, headAtStart, position, percentage, eventsPerSecond.")
    @GetMapping("/api/admin/projections/{name}")
    public ProjectionDetail projection(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        ProjectionStatus view = status(name, positions.tokens().getOrDefault(name, List.of()), head());
        return new ProjectionDetail(view, replays.progress(name, processor, view.position()).orElse(null));
    }

    @Operation(summary = "Rebuild one view from the event store",
               description = "Stops the view's processor, resets its tokens (the view empties its tables) and "
                       + "starts it again; it rebuilds from the first event while the other views keep serving. "
                       + "202 with the replay; 409 REPLAY_IN_PROGRESS while one of the same view runs. Audited.")
    @PostMapping("/api/admin/projections/{name}/replay")
    public org.springframework.http.ResponseEntity<ProjectionDetail> replay(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        replays.start(name, processor, head());
        audit.record("REPLAY_STARTED", name, "head=" + head());
        return org.springframework.http.ResponseEntity.accepted().body(projection(name));
    }

    private ProjectionStatus status(String name, List<ViewPositions.SegmentToken> segments, long head) {
        long position = ViewPositions.position(segments);
        StreamingEventProcessor processor = processor(name);
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(name).orElse(null);
        return new ProjectionStatus(name, processor.isRunning(), segments.size(),
                                    processor.processingStatus().size(), position, head,
                                    Math.max(0, head - Math.max(position, 0)), queue != null,
                                    parked(name), queue == null ? 0 : queue.amountOfSequences());
    }

    @Operation(summary = "Retry a view's parked events",
               description = "Hands every parked event of the view to its handlers again, customer by customer, in "
                       + "order; those that fail again stay parked. Audited.")
    @PostMapping("/api/admin/projections/{name}/dead-letters/retry")
    public RetryResult retry(@PathVariable String name) {
        processor(name);
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> notFound(name));
        int retried = 0;
        long before = parked(name);
        // Each call takes one customer's parked events; stop when none is left or nothing more succeeds.
        for (long i = 0; i < before && letters.processAny(); i++) {
            retried++;
        }
        audit.record("DEAD_LETTERS_RETRIED", name, "sequences=" + retried);
        return new RetryResult(name, retried, parked(name));
    }

    private StreamingEventProcessor processor(String name) {
        if (!positions.views().contains(name)) {
            throw notFound(name);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() -> notFound(name));
    }

    private static ProblemException notFound(String name) {
        return ProblemException.of(404, "PROJECTION_NOT_FOUND", "View not found", "There is no view " + name);
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    private long parked(String name) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry WHERE processing_group = ?",
                                     Long.class, name);
        return n == null ? 0 : n;
    }
}
