package io.journeyengine.api.deadline;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the deadlines from their index ({@code journey_deadline}) joined with db-scheduler's executions: a row whose
 * execution is gone has fired or was cancelled, and is not counted.
 */
@Component
public class DeadlineOverview {

    private static final String JOIN = "FROM journey_deadline d JOIN scheduled_tasks t ON t.task_name = '"
            + TrackedDeadlineManager.TASK_NAME + "' AND t.task_instance = d.schedule_id ";

    private final JdbcTemplate jdbc;
    private final DeadlineProperties properties;

    public DeadlineOverview(JdbcTemplate jdbc, DeadlineProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Pending deadlines of one kind and when the next one fires (null when none). */
    public record Kind(String kind, long pending, Instant nextDue) {
    }

    /**
     * One deadline that failed: {@code nextAttemptAt} is when it will be tried again (null once parked),
     * {@code parkedAt} when it was parked (null while it is retried).
     */
    public record Failed(String scheduleId, String kind, String deadlineName, String customerId, Instant dueAt,
                         int failures, Instant nextAttemptAt, Instant parkedAt, String lastError) {
    }

    /**
     * The answer of {@code GET /api/admin/deadlines}: every pending deadline (parked ones excluded), per kind; the
     * failing ones being retried; the parked ones, which fire no more until an operator acts.
     */
    public record Report(long pending, Instant nextDue, List<Kind> kinds, int maxAttempts, long retrying,
                         List<Failed> retryingDeadlines, long parked, List<Failed> parkedDeadlines) {
    }

    /** The figures of {@link Report} without its lists: what the metrics read at every scrape. */
    public record Counts(List<Kind> kinds, long pending, Instant nextDue, long retrying, long parked) {
    }

    @Transactional(readOnly = true)
    public Counts counts() {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        DeadlinesController.KINDS.forEach(kind -> kinds.put(kind, new Kind(kind, 0, null)));
        jdbc.query("SELECT d.kind, COUNT(*), MIN(t.execution_time) " + JOIN + "WHERE d.parked_at IS NULL "
                           + "GROUP BY d.kind ORDER BY d.kind",
                   rs -> {
                       kinds.put(rs.getString(1), new Kind(rs.getString(1), rs.getLong(2), instant(rs, 3)));
                   });
        long pending = kinds.values().stream().mapToLong(Kind::pending).sum();
        Instant nextDue = kinds.values().stream().map(Kind::nextDue).filter(Objects::nonNull)
                               .min(Instant::compareTo).orElse(null);
        return new Counts(new ArrayList<>(kinds.values()), pending, nextDue,
                          count("d.parked_at IS NULL AND d.failures > 0"), count("d.parked_at IS NOT NULL"));
    }

    @Transactional(readOnly = true)
    public Report report(int limit) {
        Counts counts = counts();
        return new Report(counts.pending(), counts.nextDue(), counts.kinds(), properties.maxAttempts(),
                          counts.retrying(),
                          failed("d.parked_at IS NULL AND d.failures > 0", "t.execution_time", limit),
                          counts.parked(), failed("d.parked_at IS NOT NULL", "d.parked_at", limit));
    }

    private long count(String condition) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) " + JOIN + "WHERE " + condition, Long.class);
        return n == null ? 0 : n;
    }

    private List<Failed> failed(String condition, String order, int limit) {
        return jdbc.query("SELECT d.schedule_id, d.kind, d.deadline_name, d.customer_id, d.due_at, d.failures, "
                                  + "t.execution_time, d.parked_at, d.last_error " + JOIN + "WHERE " + condition
                                  + " ORDER BY " + order + ", d.schedule_id FETCH FIRST " + limit + " ROWS ONLY",
                          (rs, n) -> {
                              Instant parkedAt = instant(rs, 8);
                              return new Failed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                                instant(rs, 5), rs.getInt(6),
                                                parkedAt == null ? instant(rs, 7) : null, parkedAt,
                                                rs.getString(9));
                          });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
