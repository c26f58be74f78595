package io.journeyengine.api.admin;

import io.journeyengine.api.read.ViewPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every view as operators see it, computed in one place for the admin endpoint, the health indicators and the
 * metrics: whether its processor runs on this node or fails, how far it has got in the event store, how far behind
 * the store's head it is (in events, and in the age of the oldest event it has not processed), and the events it
 * parked.
 * <p>
 * A status costs three queries for all views together (tokens, head, dead letters) plus one per lagging view (the
 * age of its next event). Health checks and Prometheus scrapes read {@link #recent()}, which shares one snapshot
 * among the calls of the same second: one health request asks each view's indicator separately, and one scrape
 * reads several gauges per view.
 */
@Component
public class ViewStatuses {

    /** How long {@link #recent()} keeps a snapshot. */
    static final Duration RECENT = Duration.ofSeconds(1);

    private final ViewPositions positions;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ViewFailures failures;
    private volatile Snapshot recent;

    public ViewStatuses(ViewPositions positions, EventProcessingConfiguration processing, JdbcTemplate jdbc,
                        ViewFailures failures) {
        this.positions = positions;
        this.processing = processing;
        this.jdbc = jdbc;
        this.failures = failures;
    }

    /**
     * One view: {@code running} whether its processor runs on this node; {@code errorState} whether a segment of it
     * failed on this node and has not processed a batch since ({@code error} says which, when and why; a stopped
     * processor has none); {@code position} the lowest position
     * all its segments have reached (-1 before the first); {@code head} the event store's last position; {@code lag}
     * the events between them; {@code lagSeconds} how long ago the oldest event it has not processed was stored (0
     * when caught up); {@code deadLetters} the events parked, of {@code parkedCustomers} customers.
     */
    public record ViewStatus(String name, boolean running, boolean errorState, String error, boolean replaying,
                             int segments, int segmentsClaimedHere, long position, long head, long lag,
                             double lagSeconds, boolean deadLetterQueue, long deadLetters, long parkedCustomers) {
    }

    /** Every view's status in name order, and when it was taken ({@link System#nanoTime()}). */
    public record Snapshot(Map<String, ViewStatus> views, long takenAt) {

        public Optional<ViewStatus> view(String name) {
            return Optional.ofNullable(views.get(name));
        }
    }

    /** The views, by name. */
    public List<String> names() {
        return List.copyOf(positions.views());
    }

    /** Every view as it is now. */
    public Snapshot now() {
        Map<String, List<ViewPositions.SegmentToken>> tokens = positions.tokens();
        long head = head();
        Map<String, long[]> parked = parked();
        Map<String, ViewStatus> views = new LinkedHashMap<>();
        Instant now = GenericEventMessage.clock.instant();
        for (String name : positions.views()) {
            views.put(name, status(name, tokens.getOrDefault(name, List.of()), head,
                                   parked.getOrDefault(name, new long[2]), now));
        }
        Snapshot snapshot = new Snapshot(Collections.unmodifiableMap(views), System.nanoTime());
        recent = snapshot;
        return snapshot;
    }

    /** A snapshot at most {@link #RECENT} old: for health checks and metrics, which ask many times per request. */
    public Snapshot recent() {
        Snapshot snapshot = recent;
        if (snapshot != null && System.nanoTime() - snapshot.takenAt() < RECENT.toNanos()) {
            return snapshot;
        }
        synchronized (this) {
            snapshot = recent;
            if (snapshot != null && System.nanoTime() - snapshot.takenAt() < RECENT.toNanos()) {
                return snapshot;
            }
            return now();
        }
    }

    /** The event store's last position (-1 when empty). */
    public long head() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    private ViewStatus status(String name, List<ViewPositions.SegmentToken> segments, long head, long[] parked,
                              Instant now) {
        long position = ViewPositions.position(segments);
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                                                      .orElseThrow();
        Map<Integer, EventTrackerStatus> here = processor.processingStatus();
        String error = processor.isRunning() ? error(name, segments, here) : null;
        long lag = Math.max(0, head - Math.max(position, 0));
        return new ViewStatus(name, processor.isRunning(), error != null, error, processor.isReplaying(),
                              segments.size(), here.size(), position, head, lag,
                              lag == 0 ? 0 : ageOfEventAfter(position, now),
                              processing.deadLetterQueue(name).isPresent(), parked[0], parked[1]);
    }

    /**
     * Why the view fails on this node, or null: a segment whose latest batch here failed ({@link ViewFailures}) and
     * that no other node has taken since, or a segment Axon reports in error.
     */
    private String error(String name, List<ViewPositions.SegmentToken> segments,
                         Map<Integer, EventTrackerStatus> here) {
        Map<Integer, ViewFailures.Failure> failing = failures.failing(name);
        for (ViewPositions.SegmentToken segment : segments) {
            ViewFailures.Failure failure = failing.get(segment.segment());
            if (failure == null) {
                continue;
            }
            if (segment.owner() != null && !here.containsKey(segment.segment())) {
                failures.forget(name, segment.segment());
                continue;
            }
            return "segment " + failure.segment() + " failed at " + failure.at() + ": " + failure.error();
        }
        for (EventTrackerStatus segment : here.values()) {
            if (segment.isErrorState()) {
                Throwable cause = segment.getError();
                return cause == null ? "unknown" : cause.getClass().getName() + ": " + cause.getMessage();
            }
        }
        return null;
    }

    /** Seconds since the first event after {@code position} was stored (its timestamp is Axon's, in UTC). */
    private double ageOfEventAfter(long position, Instant now) {
        List<String> stamps = jdbc.queryForList("SELECT time_stamp FROM domain_event_entry WHERE global_index > ? "
                                                        + "ORDER BY global_index FETCH FIRST 1 ROWS ONLY",
                                                String.class, position);
        if (stamps.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Duration.between(Instant.parse(stamps.get(0)), now).toMillis() / 1000.0);
        } catch (DateTimeParseException unreadable) {
            return 0;
        }
    }

    /** Parked events and parked customers (sequences) per view, in one query. */
    private Map<String, long[]> parked() {
        Map<String, long[]> parked = new HashMap<>();
        jdbc.query("SELECT processing_group, COUNT(*), COUNT(DISTINCT sequence_identifier) FROM dead_letter_entry "
                           + "GROUP BY processing_group",
                   rs -> {
                       parked.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
                   });
        return parked;
    }

    /** Every view's status as it is now, in name order. */
    public List<ViewStatus> list() {
        return new ArrayList<>(now().views().values());
    }
}
