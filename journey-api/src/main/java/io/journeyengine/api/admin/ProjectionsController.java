package io.journeyengine.api.admin;

import io.journeyengine.api.admin.ViewStatuses.ViewStatus;
import io.journeyengine.api.problem.ProblemException;
import io.journeyengine.api.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The views as operators see them: how far each has got, how far behind the event store it is, the events it
 * parked; stopping and starting one on this node, and rebuilding one from the event store. The figures come from
 * {@link ViewStatuses}, which the health indicators and the metrics read too.
 */
@RestController
@Tag(name = "Admin", description = "Keys, audit and views")
public class ProjectionsController {

    private final ViewStatuses statuses;
    private final EventProcessingConfiguration processing;
    private final AuditLog audit;
    private final ProjectionReplays replays;

    public ProjectionsController(ViewStatuses statuses, EventProcessingConfiguration processing, AuditLog audit,
                                 ProjectionReplays replays) {
        this.statuses = statuses;
        this.processing = processing;
        this.audit = audit;
        this.replays = replays;
    }

    /** One view with its latest rebuild, if there was one since this node started. */
    public record ProjectionDetail(ViewStatus view, ProjectionReplays.Progress replay) {
    }

    /** What a retry of parked events did. */
    public record RetryResult(String name, int retried, long stillParked) {
    }

    @Operation(summary = "Views, their position and lag",
               description = "Every view (processing group) with its position in the event store, the lag behind "
                       + "the store's head (events and seconds), whether its processor runs or fails on this node, "
                       + "and its dead letters.")
    @GetMapping("/api/admin/projections")
    public List<ViewStatus> projections() {
        return statuses.list();
    }

    @Operation(summary = "One view, with its rebuild's progress",
               description = "The view's position and lag, and its latest replay since this node started: "
                       + "replaying, startedAt, finishedAt, headAtStart, position, percentage, eventsPerSecond.")
    @GetMapping("/api/admin/projections/{name}")
    public ProjectionDetail projection(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        ViewStatus view = status(name);
        return new ProjectionDetail(view, replays.progress(name, processor, view.position()).orElse(null));
    }

    @Operation(summary = "Rebuild one view from the event store",
               description = "Stops the view's processor, resets its tokens (the view empties its tables) and "
                       + "starts it again; it rebuilds from the first event while the other views keep serving. "
                       + "202 with the replay; 409 REPLAY_IN_PROGRESS while one of the same view runs. Audited.")
    @PostMapping("/api/admin/projections/{name}/replay")
    public ResponseEntity<ProjectionDetail> replay(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        long head = statuses.head();
        replays.start(name, processor, head);
        audit.record("REPLAY_STARTED", name, "head=" + head);
        return ResponseEntity.accepted().body(projection(name));
    }

    @Operation(summary = "Stop one view on this node",
               description = "Stops the view's processor on this node and releases its segments: the view keeps "
                       + "what it has and stops following the event store here (health: OUT_OF_SERVICE). Other "
                       + "nodes of a cluster take the released segments over; stop it on every node to pause the "
                       + "view. Stopping a stopped view changes nothing. 200 with the view. Audited.")
    @PostMapping("/api/admin/projections/{name}/stop")
    public ViewStatus stop(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        boolean wasRunning = processor.isRunning();
        processor.shutDown();
        audit.record("VIEW_STOPPED", name, "wasRunning=" + wasRunning);
        return status(name);
    }

    @Operation(summary = "Start one view on this node",
               description = "Starts the view's processor on this node again: it claims free segments and goes on "
                       + "from where they stopped. Starting a running view changes nothing. 200 with the view. "
                       + "Audited.")
    @PostMapping("/api/admin/projections/{name}/start")
    public ViewStatus start(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        boolean wasRunning = processor.isRunning();
        processor.start();
        audit.record("VIEW_STARTED", name, "wasRunning=" + wasRunning);
        return status(name);
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
        long before = status(name).deadLetters();
        // Each call takes one customer's parked events; stop when none is left or nothing more succeeds.
        for (long i = 0; i < before && letters.processAny(); i++) {
            retried++;
        }
        audit.record("DEAD_LETTERS_RETRIED", name, "sequences=" + retried);
        return new RetryResult(name, retried, status(name).deadLetters());
    }

    private ViewStatus status(String name) {
        return statuses.now().view(name).orElseThrow(() -> notFound(name));
    }

    private StreamingEventProcessor processor(String name) {
        if (!statuses.names().contains(name)) {
            throw notFound(name);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() -> notFound(name));
    }

    private static ProblemException notFound(String name) {
        return ProblemException.of(404, "PROJECTION_NOT_FOUND", "View not found", "There is no view " + name);
    }
}
