package io.journeyengine.api.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.journeyengine.api.config.AxonStorageConfiguration;
import io.journeyengine.journey.JourneyEvent;
import io.journeyengine.journey.Touchpoint;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A customer's stream read through Axon's event store, so every event is in its current form (old stored forms
 * pass the upcasters, as they do for the aggregate and the views), described the way developers read it.
 */
@Component
public class JourneyEvents {

    private final EventStore eventStore;
    private final Serializer serializer;
    private final ObjectMapper clearJson = AxonStorageConfiguration.storedForm().build();
    private final JdbcTemplate jdbc;

    public JourneyEvents(EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer,
                         JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.jdbc = jdbc;
    }

    /** The customer's last sequence number, or empty when it has no events (an unknown customer). */
    public Optional<Long> lastSequence(String customerId) {
        return eventStore.lastSequenceNumberFor(customerId);
    }

    /** A page of the stream: up to {@code limit} events from {@code fromSequence}, and whether more follow. */
    public record Page(List<StoredEvent> events, boolean more) {
    }

    public Page page(String customerId, long fromSequence, int limit) {
        List<DomainEventMessage<?>> messages = new ArrayList<>(Math.min(limit, 1000) + 1);
        DomainEventStream stream = eventStore.readEvents(customerId, fromSequence);
        while (messages.size() <= limit && stream.hasNext()) {
            messages.add(stream.next());
        }
        boolean more = messages.size() > limit;
        if (more) {
            messages.remove(messages.size() - 1);
        }
        Map<Long, Long> positions = messages.isEmpty() ? Map.of()
                : positions(customerId, messages.get(0).getSequenceNumber(),
                            messages.get(messages.size() - 1).getSequenceNumber());
        List<StoredEvent> events = new ArrayList<>(messages.size());
        for (DomainEventMessage<?> message : messages) {
            events.add(describe(message, positions.get(message.getSequenceNumber())));
        }
        return new Page(events, more);
    }

    /** Every event of the customer, in order, one at a time (an export never holds a whole stream in memory). */
    public void each(String customerId, Consumer<StoredEvent> consumer) {
        final int chunk = 500;
        long from = 0;
        while (true) {
            Page page = page(customerId, from, chunk);
            page.events().forEach(consumer);
            if (!page.more()) {
                return;
            }
            from = page.events().get(page.events().size() - 1).sequence() + 1;
        }
    }

    /** One event as developers read it: its place in the stream and the store, its times, payload and metadata. */
    public StoredEvent describe(DomainEventMessage<?> message, Long position) {
        Object payload = message.getPayload();
        Instant occurredAt = null;
        if (payload instanceof JourneyEvent event) {
            Touchpoint touchpoint = event.touchpoint();
            occurredAt = touchpoint == null ? null : touchpoint.occurredAt();
        }
        return new StoredEvent(message.getAggregateIdentifier(), message.getSequenceNumber(), position,
                               message.getIdentifier(), message.getPayloadType().getSimpleName(),
                               message.getPayloadType().getName(), revisionOf(message.getPayloadType()),
                               occurredAt, message.getTimestamp(), payloadTree(payload),
                               new TreeMap<>(message.getMetaData()));
    }

    /** The revision the serializer writes for {@code type} today ({@code @Revision}); null when it has none. */
    public String revisionOf(Class<?> type) {
        return serializer.typeForClass(type).getRevision();
    }

    /**
     * The payload in its stored JSON form, as a tree that keeps money exact, with personal values in clear (stored
     * sealed; an erased one reads "[erased]"). Exports carry this form, so an import into another instance seals
     * them again under its own keys.
     */
    private JsonNode payloadTree(Object payload) {
        return clearJson.valueToTree(payload);
    }

    private Map<Long, Long> positions(String customerId, long from, long to) {
        Map<Long, Long> positions = new HashMap<>();
        jdbc.query("SELECT sequence_number, global_index FROM domain_event_entry "
                           + "WHERE aggregate_identifier = ? AND sequence_number BETWEEN ? AND ?",
                   rs -> {
                       positions.put(rs.getLong(1), rs.getLong(2));
                   }, customerId, from, to);
        return positions;
    }
}
