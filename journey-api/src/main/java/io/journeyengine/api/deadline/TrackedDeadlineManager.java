package io.journeyengine.api.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.journeyengine.journey.deadline.JourneyDeadline;
import io.journeyengine.journey.deadline.JourneyDeadlines;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Axon's {@link DbSchedulerDeadlineManager} with an index of what each deadline is for ({@code journey_deadline}):
 * its customer, name, kind and due time, written in the same transaction as the deadline itself.
 * <p>
 * Why: a journey (re)schedules its cart, code and conversation deadlines on most touchpoints, and cancels them by
 * name. Axon's {@code cancelAllWithinScope} finds them by decoding every pending deadline of every customer (a full
 * read of {@code scheduled_tasks} per call); the index makes it one lookup by primary key per deadline. The same rows
 * answer {@code GET /api/admin/deadlines} (pending per kind, next due, parked) without decoding anything.
 * <p>
 * A deadline fires at its due time (business time), but never sooner than its
 * {@linkplain JourneyDeadline#quietPeriod() quiet period} after it was scheduled, on the engine's clock: a cart reported
 * two days late is abandoned three hours after it arrived (as abandoned at its business time), not the moment it
 * arrives, before the touchpoints that followed it could.
 * <p>
 * Scheduling and firing stay Axon's: the deadline is stored by db-scheduler, fires on the engine's clock and is
 * delivered to the journey by Axon. A row is removed when its deadline is cancelled or has fired
 * ({@link DeadlineConfiguration#deadlineDetailsTask}); a deadline that failed too often is parked there
 * ({@link DeadlineFailures}).
 */
public class TrackedDeadlineManager implements DeadlineManager, Lifecycle {

    /** The db-scheduler task Axon stores deadlines under. */
    public static final String TASK_NAME = "AxonDeadline";

    /** Reads of a deadline being cancelled while schedulers change it; more than two changes in a row is a fault. */
    private static final int CANCEL_ATTEMPTS = 3;

    private final DbSchedulerDeadlineManager delegate;
    private final Scheduler scheduler;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public TrackedDeadlineManager(DbSchedulerDeadlineManager delegate, Scheduler scheduler, JdbcTemplate jdbc,
                                  Clock clock) {
        this.delegate = delegate;
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public DbSchedulerDeadlineManager delegate() {
        return delegate;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName,
                           Object messageOrPayload, ScopeDescriptor deadlineScope) {
        String scheduleId = delegate.schedule(firingTime(triggerDateTime, messageOrPayload), deadlineName,
                                              messageOrPayload, deadlineScope);
        String customerId = customerOf(deadlineScope);
        if (customerId != null) {
            // With the deadline itself: at the unit of work's prepare-commit, in its transaction.
            onPrepareCommitOrNow(() -> jdbc.update(
                    "INSERT INTO journey_deadline (schedule_id, customer_id, deadline_name, kind, due_at) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    scheduleId, customerId, deadlineName, JourneyDeadlines.kindOf(deadlineName),
                    triggerDateTime.atOffset(ZoneOffset.UTC)));
        }
        return scheduleId;
    }

    /** The due time, or the end of the deadline's quiet period from now if that is later. */
    private Instant firingTime(Instant due, Object messageOrPayload) {
        Object payload = messageOrPayload instanceof Message<?> message ? message.getPayload() : messageOrPayload;
        if (payload instanceof JourneyDeadline deadline) {
            Instant quietUntil = clock.instant().plus(deadline.quietPeriod());
            return quietUntil.isAfter(due) ? quietUntil : due;
        }
        return due;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        onPrepareCommitOrNow(() -> cancel(scheduleId));
    }

    @Override
    public void cancelAll(String deadlineName) {
        onPrepareCommitOrNow(() -> jdbc.queryForList("SELECT schedule_id FROM journey_deadline WHERE deadline_name = ?",
                                                     String.class, deadlineName)
                                       .forEach(this::cancel));
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        String customerId = customerOf(scope);
        if (customerId == null) {
            delegate.cancelAllWithinScope(deadlineName, scope);
            return;
        }
        onPrepareCommitOrNow(() -> {
            List<String> ids = jdbc.queryForList(
                    "SELECT schedule_id FROM journey_deadline WHERE customer_id = ? AND deadline_name = ?",
                    String.class, customerId, deadlineName);
            ids.forEach(this::cancel);
        });
    }

    /**
     * Removes a deadline and its row. One that is firing right now cannot be removed; it is left to fire, and the
     * journey ignores it because its state no longer matches the deadline (see the journey's deadline handlers).
     * <p>
     * db-scheduler reads the deadline, then deletes it at the version it read. A scheduler (of this node or another)
     * that picks the deadline in between changes its version, and the delete finds nothing ({@link
     * ExecutionException}); so does a failed attempt rescheduled in between. That is no failure of the touchpoint:
     * read it again, and the deadline is now firing, gone, or cancelled at its new version.
     */
    private void cancel(String scheduleId) {
        TaskInstanceId deadline = TaskInstanceId.of(TASK_NAME, scheduleId);
        for (int attempt = 1; ; attempt++) {
            try {
                scheduler.cancel(deadline);
                break;
            } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException gone) {
                break; // Already fired, or firing: nothing to cancel.
            } catch (ExecutionException changedMeanwhile) {
                if (attempt == CANCEL_ATTEMPTS) {
                    throw changedMeanwhile;
                }
            }
        }
        jdbc.update("DELETE FROM journey_deadline WHERE schedule_id = ?", scheduleId);
    }

    private static String customerOf(ScopeDescriptor scope) {
        return scope instanceof AggregateScopeDescriptor aggregate && aggregate.getIdentifier() != null
                ? aggregate.getIdentifier().toString() : null;
    }

    private static void onPrepareCommitOrNow(Runnable call) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> call.run());
        } else {
            call.run();
        }
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super DeadlineMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super DeadlineMessage<?>> handlerInterceptor) {
        return delegate.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        delegate.registerLifecycleHandlers(lifecycle);
    }
}
