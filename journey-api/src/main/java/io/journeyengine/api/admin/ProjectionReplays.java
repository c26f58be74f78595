package io.journeyengine.api.admin;

import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds one view from the event store, the Axon way: stop its processor, reset its tokens to the start of the
 * store (which calls the view's {@code @ResetHandler}, emptying its tables), start it again. The other views do
 * not stop; the rebuilt one serves what it has rebuilt so far, and {@link #progress} says how far that is.
 */
@Service
public class ProjectionReplays {

    private final Clock clock;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();

    public ProjectionReplays(Clock clock) {
        this.clock = clock;
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
        processor.shutDown();
        processor.resetTokens();
        Replay replay = new Replay(clock.instant(), System.nanoTime(), head, null, null);
        replays.put(name, replay);
        processor.start();
        return replay;
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
