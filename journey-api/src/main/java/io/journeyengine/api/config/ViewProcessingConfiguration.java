package io.journeyengine.api.config;

import io.journeyengine.api.admin.ViewFailures;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How every view is fed: one customer's events in order (sequencing per aggregate, which is the customer), and a
 * dead-letter queue per view in {@code dead_letter_entry}: an event a view cannot handle is parked with its cause,
 * later events of that customer queue behind it, and every other customer's events go on. Each handler runs in a
 * savepoint ({@link AtomicViewHandlers}), so a parked event leaves no half-written rows.
 */
@Configuration
public class ViewProcessingConfiguration {

    static final DeadLetterSchema DEAD_LETTER_SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter_entry")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    /**
     * Axon's JDBC auto-configuration builds each view's queue with this schema for every processor with
     * {@code axon.eventhandling.processors.<view>.dlq.enabled: true} (application.yml; every view has it, and
     * ProjectionsTest fails for a view without one).
     */
    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DEAD_LETTER_SCHEMA;
    }

    @Bean
    public ConfigurerModule customerOrderForViews() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultSequencingPolicy(c -> SequentialPerAggregatePolicy.instance());
    }

    /** Every view's batches are watched: a batch that fails puts the view in error (health DOWN) until one commits. */
    @Bean
    public ConfigurerModule viewFailureWatch(ViewFailures failures) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((c, view) -> failures.interceptor(view));
    }
}
