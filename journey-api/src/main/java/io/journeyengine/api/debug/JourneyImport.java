package io.journeyengine.api.debug;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.journeyengine.api.ingest.EventPositions;
import io.journeyengine.api.ingest.IdentityIndex;
import io.journeyengine.api.ingest.ReceiptRepository;
import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import io.journeyengine.journey.CustomerJourney;
import io.journeyengine.journey.JourneyEvent;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.identity.IdentityEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads an export (NDJSON, one event a line, as {@code GET /api/customers/{id}/events/export} writes it) into this
 * instance, to reproduce a production journey locally.
 * <p>
 * All or nothing: the whole file is read and checked first (every line parsed, passed through the upcasters,
 * deserialized, and every customer's events applied to a journey by the aggregate's own code), then refused with the
 * first bad line's number, or refused because a customer, event, touchpoint or identity already exists here, or
 * written in one transaction: the events with their original identifiers, sequence numbers, recording times and
 * metadata, the touchpoints' idempotency receipts and the identities. The views then build themselves from the new
 * events like from any others.
 */
@Service
public class JourneyImport {

    private static final Pattern CUSTOMER_ID = Pattern.compile("[\\p{Alnum}._:@+\\-]{1,100}");
    private static final String EVENTS_PACKAGE = "io.journeyengine.journey.";
    private static final String AGGREGATE_TYPE = CustomerJourney.class.getSimpleName();
    private static final int CHUNK = 500;

    private final EventStore eventStore;
    private final Serializer serializer;
    private final org.axonframework.config.Configuration axon;
    private final ObjectMapper lines;
    private final JourneyStates states;
    private final NamedParameterJdbcTemplate jdbc;
    private final ReceiptRepository receipts;
    private final IdentityIndex identities;
    private final EventPositions positions;
    private final SpringTransactionManager transaction;

    public JourneyImport(EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer,
                         org.axonframework.config.Configuration axon,
                         @Qualifier("defaultAxonObjectMapper") ObjectMapper storedJson, JourneyStates states,
                         NamedParameterJdbcTemplate jdbc, ReceiptRepository receipts, IdentityIndex identities,
                         EventPositions positions, PlatformTransactionManager transactionManager) {
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.axon = axon;
        // The stored-event mapper (money stays exact), refusing a line that names a field twice.
        this.lines = storedJson.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.states = states;
        this.jdbc = jdbc;
        this.receipts = receipts;
        this.identities = identities;
        this.positions = positions;
        this.transaction = new SpringTransactionManager(transactionManager);
    }

    /** What was imported: per customer its events and touchpoints, and the last position (for minPosition). */
    public record Result(int events, List<Imported> customers, long position) {
    }

    public record Imported(String customerId, int events, int touchpoints) {
    }

    /** One checked line: where it was in the file and the event it holds. */
    private record Line(int number, DomainEventMessage<?> event) {
    }

    public Result load(InputStream body) throws IOException {
        Map<String, List<Line>> byCustomer = read(body);
        if (byCustomer.isEmpty()) {
            throw refused(1, "the file holds no events");
        }
        byCustomer.values().forEach(this::checkFold);
        checkNothingExists(byCustomer);
        return write(byCustomer);
    }

    private Map<String, List<Line>> read(InputStream body) throws IOException {
        Map<String, List<Line>> byCustomer = new LinkedHashMap<>();
        Set<String> eventIds = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String text;
        int number = 0;
        while ((text = reader.readLine()) != null) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            DomainEventMessage<?> event = parse(number, text);
            List<Line> stream = byCustomer.computeIfAbsent(event.getAggregateIdentifier(), c -> new ArrayList<>());
            if (event.getSequenceNumber() != stream.size()) {
                throw refused(number, "customer " + event.getAggregateIdentifier() + " needs sequence "
                        + stream.size() + " here, not " + event.getSequenceNumber()
                        + " (a customer's events come in order, from 0, without gaps)");
            }
            if (!eventIds.add(event.getIdentifier())) {
                throw refused(number, "eventId " + event.getIdentifier() + " appears twice in the file");
            }
            stream.add(new Line(number, event));
        }
        return byCustomer;
    }

    /** One line: a JSON object with the fields of an exported event, deserialized as the event store would. */
    private DomainEventMessage<?> parse(int number, String text) {
        JsonNode line;
        try {
            line = lines.readTree(text);
        } catch (JsonProcessingException e) {
            throw refused(number, "not JSON: " + e.getOriginalMessage());
        }
        if (line == null || !line.isObject()) {
            throw refused(number, "each line must be one JSON object (an exported event)");
        }
        String customerId = text(number, line, "customerId");
        if (!CUSTOMER_ID.matcher(customerId).matches()) {
            throw refused(number, "customerId may hold up to 100 letters, digits and . _ : @ + - only");
        }
        JsonNode sequence = line.get("sequence");
        if (sequence == null || !sequence.canConvertToLong() || !sequence.isIntegralNumber() || sequence.asLong() < 0) {
            throw refused(number, "sequence must be a whole number from 0");
        }
        String eventId = text(number, line, "eventId");
        if (eventId.length() > 255) {
            throw refused(number, "eventId is longer than 255 characters");
        }
        String payloadType = text(number, line, "payloadType");
        if (!payloadType.startsWith(EVENTS_PACKAGE)) {
            // Only journey events are ever deserialized from a file: no other class is instantiated.
            throw refused(number, "payloadType " + payloadType + " is not a journey event");
        }
        JsonNode revision = line.get("revision");
        if (revision != null && !revision.isNull() && !revision.isTextual()) {
            throw refused(number, "revision must be a string");
        }
        Instant recordedAt;
        try {
            recordedAt = Instant.parse(text(number, line, "recordedAt"));
        } catch (DateTimeParseException e) {
            throw refused(number, "recordedAt must be an ISO-8601 instant, e.g. 2026-11-20T09:15:00.123Z");
        }
        JsonNode payload = line.get("payload");
        if (payload == null || !payload.isObject()) {
            throw refused(number, "payload must be a JSON object");
        }
        JsonNode metadata = line.get("metadata");
        if (metadata != null && !metadata.isNull()) {
            if (!metadata.isObject()) {
                throw refused(number, "metadata must be a JSON object");
            }
            metadata.fields().forEachRemaining(entry -> {
                if (!entry.getValue().isValueNode()) {
                    throw refused(number, "metadata." + entry.getKey() + " must be a string, number or boolean");
                }
            });
        }
        DomainEventMessage<?> event;
        try {
            GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                    AGGREGATE_TYPE, customerId, sequence.asLong(), eventId, recordedAt, payloadType,
                    revision == null || revision.isNull() ? null : revision.asText(),
                    lines.writeValueAsBytes(payload),
                    lines.writeValueAsBytes(metadata == null || metadata.isNull() ? lines.createObjectNode() : metadata));
            // The store's own path: upcast an old stored form, then deserialize.
            DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(
                    java.util.stream.Stream.of(entry), serializer, axon.upcasterChain());
            event = stream.next();
            event.getMetaData();
            if (!(event.getPayload() instanceof JourneyEvent journeyEvent)) {
                throw refused(number, "payloadType " + payloadType + " is not a journey event");
            }
            if (!customerId.equals(journeyEvent.customerId())) {
                throw refused(number, "payload.customerId " + journeyEvent.customerId() + " differs from customerId "
                        + customerId);
            }
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw refused(number, "payload cannot be read as " + payloadType + ": " + rootMessage(e));
        }
        return event;
    }

    /** Each customer's events must make a journey the engine can load: applied with the aggregate's own handlers. */
    private void checkFold(List<Line> stream) {
        EventSourcedAggregate<CustomerJourney> journey = states.empty(null);
        for (Line line : stream) {
            try {
                journey.initializeState(DomainEventStream.of(line.event()));
            } catch (RuntimeException e) {
                throw refused(line.number(), "the journey cannot apply this "
                        + line.event().getPayloadType().getSimpleName() + " after the events before it: "
                        + rootMessage(e));
            }
        }
    }

    private void checkNothingExists(Map<String, List<Line>> byCustomer) {
        Set<String> existing = present("SELECT DISTINCT aggregate_identifier FROM domain_event_entry "
                                               + "WHERE aggregate_identifier IN (:values)", byCustomer.keySet());
        if (!existing.isEmpty()) {
            throw new ProblemException(Problem.of(409, "CUSTOMER_EXISTS", "Customer exists",
                                                  "This instance already has events of " + existing
                                                          + "; import into an instance without them")
                                              .with(Map.of("customers", List.copyOf(existing))));
        }
        List<String> eventIds = new ArrayList<>();
        Set<String> touchpoints = new LinkedHashSet<>();
        Map<Identity, String> claims = new LinkedHashMap<>();
        for (List<Line> stream : byCustomer.values()) {
            for (Line line : stream) {
                eventIds.add(line.event().getIdentifier());
                Object touchpointId = line.event().getMetaData().get("touchpointId");
                if (touchpointId != null) {
                    touchpoints.add(touchpointId.toString());
                }
                if (line.event().getPayload() instanceof IdentityEvent identity) {
                    claims.putIfAbsent(identity.identity(), line.event().getAggregateIdentifier());
                }
            }
        }
        Set<String> clash = present("SELECT event_identifier FROM domain_event_entry "
                                            + "WHERE event_identifier IN (:values)", eventIds);
        if (!clash.isEmpty()) {
            throw conflict("events " + first(clash) + " are already stored here");
        }
        clash = present("SELECT touchpoint_id FROM touchpoint_receipt WHERE touchpoint_id IN (:values)", touchpoints);
        if (!clash.isEmpty()) {
            throw conflict("touchpoints " + first(clash) + " were already applied here");
        }
        for (Map.Entry<Identity, String> claim : claims.entrySet()) {
            identities.customerOf(claim.getKey()).ifPresent(owner -> {
                throw new ProblemException(Problem.of(409, "IDENTITY_CONFLICT", "Identity belongs to another customer",
                                                      "This " + claim.getKey().type() + " of " + claim.getValue()
                                                              + " belongs to customer " + owner + " here")
                                                  .with(Map.of("ownerCustomerId", owner)));
            });
        }
    }

    private Result write(Map<String, List<Line>> byCustomer) {
        List<Imported> imported = new ArrayList<>();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("import"));
        try {
            unitOfWork.attachTransaction(transaction);
            int events = 0;
            for (Map.Entry<String, List<Line>> customer : byCustomer.entrySet()) {
                List<DomainEventMessage<?>> stream = customer.getValue().stream().<DomainEventMessage<?>>map(Line::event)
                                                             .toList();
                eventStore.publish(stream);
                int touchpoints = restoreReceiptsAndIdentities(customer.getKey(), stream);
                imported.add(new Imported(customer.getKey(), stream.size(), touchpoints));
                events += stream.size();
            }
            unitOfWork.commit();
            long position = positions.latestOf(byCustomer.keySet()).values().stream().mapToLong(Long::longValue)
                                     .max().orElse(-1);
            return new Result(events, imported, position);
        } catch (DataIntegrityViolationException e) {
            // Something of the file was written here concurrently, after the checks: nothing of it is stored.
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw conflict("part of the file was stored here while it was imported; nothing was imported");
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    /**
     * The touchpoints' receipts (a resend of an imported touchpoint is a DUPLICATE, as on the original instance) and
     * the customer's identities (a channel addressing it by phone number finds it).
     */
    private int restoreReceiptsAndIdentities(String customerId, List<DomainEventMessage<?>> stream) {
        Map<String, List<String>> eventsByTouchpoint = new LinkedHashMap<>();
        Map<String, Instant> receivedAt = new HashMap<>();
        Set<Identity> claimed = new HashSet<>();
        for (DomainEventMessage<?> event : stream) {
            Object touchpointId = event.getMetaData().get("touchpointId");
            if (touchpointId != null) {
                eventsByTouchpoint.computeIfAbsent(touchpointId.toString(), t -> new ArrayList<>())
                                  .add(event.getPayloadType().getSimpleName());
                receivedAt.putIfAbsent(touchpointId.toString(), received(event));
            }
            if (event.getPayload() instanceof IdentityEvent identity && claimed.add(identity.identity())) {
                identities.claim(identity.identity(), customerId, event.getTimestamp());
            }
        }
        eventsByTouchpoint.forEach((touchpointId, names) -> receipts.record(
                new ReceiptRepository.Receipt(touchpointId, customerId, names), receivedAt.get(touchpointId)));
        return eventsByTouchpoint.size();
    }

    private static Instant received(DomainEventMessage<?> event) {
        Object value = event.getMetaData().get("receivedAt");
        try {
            return value == null ? event.getTimestamp() : Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return event.getTimestamp();
        }
    }

    /** Which of {@code values} the query finds, asked in chunks. */
    private Set<String> present(String sql, Collection<String> values) {
        Set<String> found = new LinkedHashSet<>();
        List<String> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(jdbc.queryForList(sql, new MapSqlParameterSource(
                    "values", all.subList(from, Math.min(all.size(), from + CHUNK))), String.class));
        }
        return found;
    }

    private static String text(int number, JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw refused(number, field + " must be a non-blank string");
        }
        return value.asText();
    }

    private static List<String> first(Set<String> values) {
        return values.stream().limit(5).toList();
    }

    private static ProblemException refused(int line, String reason) {
        return new ProblemException(Problem.of(400, "MALFORMED_IMPORT", "Malformed import",
                                               "Line " + line + ": " + reason + ". Nothing was imported.")
                                           .with(Map.of("line", line)));
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "IMPORT_CONFLICT", "Import conflict",
                                               detail + "; import into an instance without them"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName()
                : message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
