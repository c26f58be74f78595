package io.journeyengine.api.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.journeyengine.api.config.JourneyClock;
import io.journeyengine.journey.deadline.JourneyTimings;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Persistent deadlines: Axon's {@link DbSchedulerDeadlineManager} on db-scheduler's {@code scheduled_tasks} table, in
 * the engine's database and transactions, due on the engine's clock.
 * <p>
 * Axon's Spring Boot auto-configuration would build the same manager and task; they are declared here instead so
 * that the manager keeps its index ({@link TrackedDeadlineManager}) and the task its failure policy
 * ({@link DeadlineFailures}); Axon's versions back off because these beans exist (same types and names). Every
 * deadline lives in the database, so one scheduled before a restart fires after it.
 */
@Configuration
@EnableConfigurationProperties(DeadlineProperties.class)
public class DeadlineConfiguration {

    /** db-scheduler asks this clock what is due, so tests and simulations that move the engine's clock move it too. */
    @Bean
    public com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
        return clock::instant;
    }

    /** The delays the journey's rules wait for, handed to its handlers as a resource. */
    @Bean
    public JourneyTimings journeyTimings(@Value("${journey.cart.abandon-after:PT3H}") Duration abandonCartAfter,
                                         @Value("${journey.conversation.idle-close-after:P7D}")
                                         Duration closeIdleConversationAfter) {
        return new JourneyTimings(abandonCartAfter, closeIdleConversationAfter);
    }

    @Bean
    public TrackedDeadlineManager deadlineManager(Scheduler scheduler,
                                                  org.axonframework.config.Configuration configuration,
                                                  @Qualifier("eventSerializer") Serializer serializer,
                                                  TransactionManager transactionManager,
                                                  DeadlineManagerSpanFactory spanFactory, JdbcTemplate jdbc,
                                                  Clock clock, List<CorrelationDataProvider> correlation) {
        DbSchedulerDeadlineManager axon = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                // db-scheduler's Spring Boot starter starts and stops the scheduler with the application.
                .startScheduler(false)
                .stopScheduler(false)
                .build();
        // Axon's deadline managers do not apply the correlation data providers themselves: without this, events
        // caused by a deadline would carry no causation or correlation id (config/TouchpointCorrelation).
        axon.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlation));
        if (clock instanceof JourneyClock journeyClock) {
            // A test that moves the clock past a deadline sees it fire now, not at the next poll.
            journeyClock.onAdjust(scheduler::triggerCheckForDueExecutions);
        }
        return new TrackedDeadlineManager(axon, scheduler, jdbc, clock);
    }

    /**
     * The db-scheduler task that delivers deadlines: Axon's own ({@link DbSchedulerDeadlineManager#binaryTask}), with
     * our failure policy, and the index row removed once the deadline has been delivered. The manager is looked up
     * lazily because the scheduler (which the manager needs) is built from the tasks.
     */
    @Bean
    public Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context,
                                                                     DeadlineProperties properties,
                                                                     JdbcTemplate jdbc) {
        Task<DbSchedulerBinaryDeadlineDetails> axon =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(TrackedDeadlineManager.class).delegate());
        return new OneTimeTask<>(TrackedDeadlineManager.TASK_NAME, DbSchedulerBinaryDeadlineDetails.class,
                                 new DeadlineFailures(properties, jdbc),
                                 new DeadExecutionHandler.ReviveDeadExecution<>()) {
            @Override
            public void executeOnce(TaskInstance<DbSchedulerBinaryDeadlineDetails> instance, ExecutionContext context) {
                axon.execute(instance, context);
                DeadlineConfiguration.fired(instance.getId(), jdbc);
            }
        };
    }

    private static void fired(String scheduleId, JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM journey_deadline WHERE schedule_id = ?", scheduleId);
    }
}
