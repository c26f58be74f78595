package io.journeyengine.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Snapshots of long journeys, the Axon way: after every {@code journey.snapshot.every} events (default 250) a
 * journey's state is stored in {@code snapshot_event_entry}, so loading it after a restart or a cache eviction reads
 * the snapshot and the events after it instead of the whole stream.
 * <p>
 * Snapshots are taken on a thread of their own after the touchpoint's commit, never on the request thread; when that
 * thread is behind by more than a thousand journeys, further snapshots are skipped (the journey is snapshotted at
 * its next threshold instead), so a burst cannot queue work without bound.
 */
@org.springframework.context.annotation.Configuration
public class SnapshotConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SnapshotConfiguration.class);

    @Bean
    public JourneySnapshots journeySnapshots(@Qualifier("defaultAxonObjectMapper") ObjectMapper storedEventMapper) {
        return new JourneySnapshots(storedEventMapper);
    }

    @Bean(destroyMethod = "shutdown")
    public ThreadPoolExecutor snapshotExecutor() {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000), r -> {
            Thread thread = new Thread(r, "journey-snapshotter-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, (task, executor) -> log.debug("Snapshot skipped: the snapshotter is {} journeys behind",
                                         executor.getQueue().size()));
    }

    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore,
                                                           TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory,
                                                           @Qualifier("snapshotExecutor") ThreadPoolExecutor executor) {
        return SpringAggregateSnapshotter.builder()
                                         .repositoryProvider(configuration::repository)
                                         .transactionManager(transactionManager)
                                         .eventStore(eventStore)
                                         .parameterResolverFactory(parameterResolverFactory)
                                         .handlerDefinition(handlerDefinition)
                                         .spanFactory(spanFactory)
                                         .executor(executor)
                                         .build();
    }

    /** Named on the aggregate: {@code @Aggregate(snapshotTriggerDefinition = "journeySnapshotTrigger")}. */
    @Bean
    public SnapshotTriggerDefinition journeySnapshotTrigger(Snapshotter snapshotter,
                                                            @Value("${journey.snapshot.every:250}") int every) {
        if (every < 2) {
            throw new IllegalArgumentException("journey.snapshot.every must be at least 2");
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }
}
