package io.journeyengine.api.deadline;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What happens when delivering a deadline fails (the journey's handler threw, the database was down): it is retried
 * after {@code journey.deadlines.retry-backoff}, doubling with each failure, and after
 * {@code journey.deadlines.max-attempts} failed attempts it is <b>parked</b>: its db-scheduler execution is kept
 * (with its data and failure count) but moved to {@link #PARKED_UNTIL}, so it neither fires again nor is lost, and
 * its {@code journey_deadline} row records when, how often and why. {@code GET /api/admin/deadlines} reports it, and
 * the error log says so once.
 * <p>
 * Axon's default for db-scheduler tasks would retry every five minutes forever.
 */
class DeadlineFailures implements FailureHandler<DbSchedulerBinaryDeadlineDetails> {

    /** Where a parked deadline waits: far beyond any real deadline, within every database's timestamp range. */
    static final Instant PARKED_UNTIL = Instant.parse("9999-01-01T00:00:00Z");

    private static final Logger log = LoggerFactory.getLogger(DeadlineFailures.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final DeadlineProperties properties;
    private final JdbcTemplate jdbc;

    DeadlineFailures(DeadlineProperties properties, JdbcTemplate jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<DbSchedulerBinaryDeadlineDetails> operations) {
        // consecutiveFailures counts the failures before this one.
        int failures = complete.getExecution().consecutiveFailures + 1;
        String scheduleId = complete.getExecution().taskInstance.getId();
        String error = complete.getCause().map(DeadlineFailures::describe).orElse("unknown");
        if (failures >= properties.maxAttempts()) {
            operations.reschedule(complete, PARKED_UNTIL);
            jdbc.update("UPDATE journey_deadline SET parked_at = ?, failures = ?, last_error = ? WHERE schedule_id = ?",
                        complete.getTimeDone().atOffset(ZoneOffset.UTC), failures, error, scheduleId);
            log.error("Deadline {} failed {} times and is parked (GET /api/admin/deadlines): {}", scheduleId,
                      failures, error);
        } else {
            Instant next = complete.getTimeDone().plus(properties.backoffAfter(failures));
            operations.reschedule(complete, next);
            jdbc.update("UPDATE journey_deadline SET failures = ?, last_error = ? WHERE schedule_id = ?",
                        failures, error, scheduleId);
            log.warn("Deadline {} failed (attempt {} of {}), retrying at {}: {}", scheduleId, failures,
                     properties.maxAttempts(), next, error);
        }
    }

    /** The innermost cause's type and message: what an operator needs to see first. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
