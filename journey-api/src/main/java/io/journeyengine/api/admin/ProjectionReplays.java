package io.journeyengine.api.admin;

import io.journeyengine.api.cluster.ViewPauses;
import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds one view from the event store, the Axon way: stop its processor, reset its tokens to the start of the
 * store (which calls the view's {@code @ResetHandler}, emptying its tables), start it again. The other views do
 * not stop; the rebuilt one serves what it has rebuilt so far, and {@link #progress} says how far that is. With
 * several nodes, the others stop the view while its tokens are reset and start it again afterwards (ViewPauses).
 */
@Service
public class ProjectionReplays {

    private final Clock clock;
    private final ViewPauses pauses;
    /** How long a rebuild waits for the other nodes to release the view's segments. */
    private final Duration releaseWait;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();

    public ProjectionReplays(Clock clock, ViewPauses pauses,
                             @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
                             @Value("${journey.cluster.heartbeat:2s}") Duration heartbeat) {
        this.clock = clock;
        this.pauses = pauses;
        // Live nodes release within a heartbeat; a dead node's claims lapse after the claim timeout.
        this.releaseWait = claimTimeout.plus(heartbeat.multipliedBy(3));
    }

    /** A replay: when it started, the store's head then (what "done" means) and, once there, when it finished. */
    public record Replay(Instant startedAt, long startNanos, long headAtStart, Instant finishedAt,
                         Double seconds) {
    }

    /**
     * How far a replay has got. {@code position} is the lowest position its segments reached, {@code percentage} of
     * the head at its start, {@code eventsPerSecond} since it started.
     */
    public record Progress(boolean replaying, Instant startedAt, Instant finishedAt, long headAtStart, long position,
                           double percentage, long eventsPerSecond) {
    }

    /** Starts a rebuild; refused with {@code 409 REPLAY_IN_PROGRESS} while one of the same view runs. */
    public synchronized Replay start(String name, StreamingEventProcessor processor, long head) {
        Replay current = replays.get(name);
        if (current != null && current.finishedAt() == null && !finished(current, processor, head)) {
            throw new ProblemException(Problem.of(409, "REPLAY_IN_PROGRESS", "Replay in progress",
                                                  "View " + name + " is being rebuilt since "
                                                          + current.startedAt() + "; wait for it to finish")
                                              .with(Map.of("startedAt", current.startedAt().toString())));
        }
        if (!processor.supportsReset()) {
            throw ProblemException.of(409, "REPLAY_NOT_SUPPORTED", "View cannot be rebuilt",
                                      "View " + name + " has no way to reset");
        }
        if (!pauses.pause(name)) {
            throw ProblemException.of(409, "REPLAY_IN_PROGRESS", "Replay in progress",
                                      "View " + name + " is being rebuilt by another node; wait for it to finish");
        }
        try {
            processor.shutDown();
            resetOnceEverySegmentIsFree(name, processor);
            Replay replay = new Replay(clock.instant(), System.nanoTime(), head, null, null);
            replays.put(name, replay);
            return replay;
        } finally {
            processor.start();
            pauses.resume(name);
        }
    }

    /**
     * Resets the view's tokens as soon as this node can claim all its segments: at once on a single node; with
     * several, once the others have stopped their share (ViewPauses) or a dead node's claims have expired.
     */
    private void resetOnceEverySegmentIsFree(String name, StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + releaseWait.toNanos();
        while (true) {
            try {
                processor.resetTokens();
                return;
            } catch (UnableToClaimTokenException heldElsewhere) {
                if (System.nanoTime() > deadline) {
                    throw ProblemException.of(503, "REPLAY_SEGMENTS_HELD", "View segments held by another node",
                                              "Other nodes did not release view " + name + " within "
                                                      + releaseWait.toSeconds() + " s; nothing was reset. Try again, "
                                                      + "or see GET /api/admin/nodes");
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the view's segments", e);
                }
            }
        }
    }

    /** The latest replay of a view, if any, with how far it has got. */
    public synchronized Optional<Progress> progress(String name, StreamingEventProcessor processor, long position) {
        Replay replay = replays.get(name);
        if (replay == null) {
            return Optional.empty();
        }
        if (replay.finishedAt() == null && finished(replay, processor, position)) {
            replay = new Replay(replay.startedAt(), replay.startNanos(), replay.headAtStart(), clock.instant(),
                                (System.nanoTime() - replay.startNanos()) / 1e9);
            replays.put(name, replay);
        }
        double seconds = replay.seconds() != null ? replay.seconds()
                : (System.nanoTime() - replay.startNanos()) / 1e9;
        long reached = replay.finishedAt() != null ? replay.headAtStart() : Math.max(-1, position);
        double percentage = replay.headAtStart() < 0 ? 100.0
                : Math.min(100.0, Math.round(1000.0 * (reached + 1) / (replay.headAtStart() + 1)) / 10.0);
        long rate = seconds > 0 ? Math.round((reached + 1) / seconds) : 0;
        return Optional.of(new Progress(replay.finishedAt() == null, replay.startedAt(), replay.finishedAt(),
                                        replay.headAtStart(), reached, percentage, rate));
    }

    /** Done when every segment left replay mode and the view has passed the head the replay started from. */
    private static boolean finished(Replay replay, StreamingEventProcessor processor, long position) {
        boolean claimed = !processor.processingStatus().isEmpty();
        return claimed && !processor.isReplaying() && position >= replay.headAtStart();
    }
}
