package io.journeyengine.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.journeyengine.api.privacy.PersonalDataCipher;
import io.journeyengine.api.privacy.PersonalDataModule;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.time.Duration;

/**
 * Where events live: Axon's JDBC event store and token store on the application's one DataSource, in tables that
 * Flyway creates (see {@code db/migration/{vendor}}), with Jackson as the serializer. Declared here rather than left
 * to auto-configuration so the table and column names are ours and the same on H2 and PostgreSQL.
 */
@Configuration
public class AxonStorageConfiguration {

    public static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    /**
     * The mapper Axon serializes events, snapshots and tokens with. Spring's own ObjectMapper (HTTP) may change its
     * settings freely; the stored form of events must not change with them. Personal values are sealed with their
     * customer's key on the way in (crypto-shredding, {@link PersonalDataModule}).
     */
    @Bean("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper(PersonalDataCipher personalData) {
        return storedForm().addModule(new PersonalDataModule(personalData)).build();
    }

    /**
     * The stored JSON form of events without sealing: what the debugging endpoints show and export (a developer
     * reads a journey in clear; an import seals it again under the importing instance's keys).
     */
    public static JsonMapper.Builder storedForm() {
        return JsonMapper.builder()
                         .addModule(new JavaTimeModule())
                         .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                         .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                         // Money in a JSON tree keeps its scale: upcasters and the debugging endpoints read stored
                         // events as trees, and "89.90" must not come out as 89.9.
                         .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                         // A tolerant reader: an event stored with a field that a later version dropped still loads.
                         .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The transaction each command runs in. NESTED: a command dispatched inside an ingestion request's transaction
     * gets a savepoint, so a refused touchpoint in a batch is rolled back alone while its neighbours commit together.
     * Without an outer transaction NESTED behaves as REQUIRED (event processors, deadlines). Axon's own
     * {@link SpringTransactionManager} never ends a savepoint, hence {@link SavepointTransactionManager}.
     */
    @Bean
    @Primary
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SavepointTransactionManager(
                transactionManager, new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
    }

    /**
     * Connections come from the Spring transaction of the current unit of work. Not Axon's default
     * {@code UnitOfWorkAwareConnectionProviderWrapper}: it commits or rolls back the whole connection when the first
     * unit of work that used it ends — with a request's savepoint per touchpoint, that committed a request half-way
     * and let one refused touchpoint roll back its neighbours' receipts.
     */
    @Bean
    public ConnectionProvider connectionProvider(javax.sql.DataSource dataSource) {
        return new org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider(dataSource);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(JourneySnapshots snapshots,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 PlatformTransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                                     // Snapshots hold the aggregate's private fields (JourneySnapshots).
                                     .snapshotSerializer(snapshots.serializer())
                                     .eventSerializer(eventSerializer)
                                     .upcasterChain(configuration.upcasterChain())
                                     .snapshotFilter(configuration.snapshotFilter())
                                     .persistenceExceptionResolver(persistenceExceptionResolver)
                                     .connectionProvider(connectionProvider)
                                     // Appends join the caller's transaction; no savepoint of their own.
                                     .transactionManager(new SpringTransactionManager(transactionManager))
                                     .schema(EVENT_SCHEMA)
                                     .dataType(byte[].class)
                                     // Gaps read by index on H2 too (GapReads): the default reads the whole table.
                                     .readEventDataWithGaps(GapReads::readEventDataWithGaps)
                                     .build();
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
                                 io.journeyengine.api.cluster.NodeIdentity node) {
        return JdbcTokenStore.builder()
                             .connectionProvider(connectionProvider)
                             .nodeId(node.id())
                             .schema(TOKEN_SCHEMA)
                             .serializer(serializer)
                             .claimTimeout(claimTimeout)
                             .contentType(byte[].class)
                             .build();
    }

    /**
     * Recently used journeys stay in memory, so a touchpoint does not re-read its customer's events. A stale entry
     * can never win: the event store's unique (aggregate, sequence) key refuses the append, and Axon evicts the entry
     * on that rollback; with several nodes each hit is also checked against the store (BoundedJourneyCache).
     */
    @Bean
    public Cache journeyCache(@Value("${journey.cache.max-journeys:50000}") int maxJourneys,
                              @Value("${journey.cache.verify-against-store:false}") boolean verify,
                              org.springframework.jdbc.core.JdbcTemplate jdbc) {
        if (!verify) {
            return new BoundedJourneyCache(maxJourneys);
        }
        return new BoundedJourneyCache(maxJourneys, journey -> jdbc.queryForObject(
                "SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                journey));
    }
}
