package io.journeyengine.api.debug;

import io.journeyengine.api.config.JourneySnapshots;
import io.journeyengine.journey.CustomerJourney;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer's journey as it was after any one of its events, computed by the journey's own code: the events are
 * applied to a {@link CustomerJourney} through its {@code @EventSourcingHandler}s, exactly as Axon sources it before
 * a command, so time travel, checkpoints and dry runs cannot disagree with the rules.
 * <p>
 * To stay fast on long journeys a fold starts from the nearest checkpoint below the event asked for
 * ({@code journey_state_checkpoint}, one every {@code journey.snapshot.every} events, written by
 * {@link StateCheckpoints}) and applies at most that many events.
 */
@Component
public class JourneyStates {

    private final EventStore eventStore;
    private final Serializer stateSerializer;
    private final JdbcTemplate jdbc;
    private final org.axonframework.config.Configuration axon;
    private final int every;
    private final String revision;
    private volatile AggregateModel<CustomerJourney> model;

    public JourneyStates(EventStore eventStore, JourneySnapshots snapshots, JdbcTemplate jdbc,
                         org.axonframework.config.Configuration axon,
                         @Value("${journey.snapshot.every:250}") int every) {
        this.eventStore = eventStore;
        this.stateSerializer = snapshots.serializer();
        this.jdbc = jdbc;
        this.axon = axon;
        this.every = every;
        this.revision = stateSerializer.typeForClass(CustomerJourney.class).getRevision();
    }

    /**
     * A journey folded up to one event.
     *
     * @param aggregate    the journey, ready to handle commands (dry runs) or to be read
     * @param checkpoint   the checkpoint the fold started from, or null when it started from the first event
     * @param eventsFolded how many events were applied on top of it
     * @param lastEvent    the last event applied: the one asked for
     */
    public record Folded(EventSourcedAggregate<CustomerJourney> aggregate, Long checkpoint, int eventsFolded,
                         DomainEventMessage<?> lastEvent) {
        public CustomerJourney journey() {
            return aggregate.getAggregateRoot();
        }
    }

    public int every() {
        return every;
    }

    /**
     * The journey after event {@code sequence}, which must exist. Events the journey applies later (a dry run)
     * go to {@code eventBus}; null when nothing will be applied.
     */
    public Folded at(String customerId, long sequence, EventBus eventBus) {
        Optional<Checkpoint> checkpoint = checkpointBelow(customerId, sequence);
        long from = checkpoint.map(c -> c.sequence() + 1).orElse(0L);
        List<DomainEventMessage<?>> events = read(customerId, from, sequence);
        if (events.isEmpty() || events.get(events.size() - 1).getSequenceNumber() != sequence) {
            throw new IllegalStateException("Customer " + customerId + " has no event " + sequence);
        }
        CustomerJourney root = checkpoint.map(this::restore).orElseGet(JourneyStates::newJourney);
        EventSourcedAggregate<CustomerJourney> aggregate =
                EventSourcedAggregate.initialize(root, model(), eventBus, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(events));
        return new Folded(aggregate, checkpoint.map(Checkpoint::sequence).orElse(null), events.size(),
                          events.get(events.size() - 1));
    }

    /** A journey without events (a customer the engine has not seen), ready to handle a first touchpoint. */
    public EventSourcedAggregate<CustomerJourney> empty(EventBus eventBus) {
        return EventSourcedAggregate.initialize(newJourney(), model(), eventBus, NoSnapshotTriggerDefinition.TRIGGER);
    }

    /** Writes the checkpoint after event {@code sequence}, unless there is one. */
    void checkpoint(String customerId, long sequence) {
        Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM journey_state_checkpoint WHERE customer_id = ? "
                                                      + "AND sequence_number = ? AND journey_revision = ?",
                                              Integer.class, customerId, sequence, revision);
        if (present != null && present > 0) {
            return;
        }
        Folded folded = at(customerId, sequence, null);
        SerializedObject<byte[]> state = stateSerializer.serialize(folded.journey(), byte[].class);
        // A row of an older revision at this place is replaced by the current shape.
        jdbc.update("DELETE FROM journey_state_checkpoint WHERE customer_id = ? AND sequence_number = ?",
                    customerId, sequence);
        jdbc.update("INSERT INTO journey_state_checkpoint (customer_id, sequence_number, journey_revision, state) "
                            + "VALUES (?, ?, ?, ?)", customerId, sequence, revision, state.getData());
    }

    void deleteAllCheckpoints() {
        jdbc.update("DELETE FROM journey_state_checkpoint");
    }

    private record Checkpoint(long sequence, byte[] state) {
    }

    /** The latest checkpoint strictly before {@code sequence}: the fold then always ends by applying that event. */
    private Optional<Checkpoint> checkpointBelow(String customerId, long sequence) {
        List<Checkpoint> rows = jdbc.query(
                "SELECT sequence_number, state FROM journey_state_checkpoint WHERE customer_id = ? "
                        + "AND sequence_number < ? AND journey_revision = ? ORDER BY sequence_number DESC "
                        + "FETCH FIRST 1 ROWS ONLY",
                (rs, n) -> new Checkpoint(rs.getLong(1), rs.getBytes(2)), customerId, sequence, revision);
        return rows.stream().findFirst();
    }

    private CustomerJourney restore(Checkpoint checkpoint) {
        return stateSerializer.deserialize(new SimpleSerializedObject<>(
                checkpoint.state(), byte[].class, CustomerJourney.class.getName(), revision));
    }

    /** Events {@code from}..{@code to} of the stream; reading stops at {@code to} (the store reads in batches). */
    private List<DomainEventMessage<?>> read(String customerId, long from, long to) {
        List<DomainEventMessage<?>> events = new ArrayList<>((int) Math.min(to - from + 1, every + 1));
        DomainEventStream stream = eventStore.readEvents(customerId, from);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getSequenceNumber() > to) {
                break;
            }
            events.add(event);
        }
        return events;
    }

    private AggregateModel<CustomerJourney> model() {
        AggregateModel<CustomerJourney> inspected = model;
        if (inspected == null) {
            // The same handler definitions and parameter resolvers as the repository that handles commands.
            inspected = AnnotatedAggregateMetaModelFactory.inspectAggregate(
                    CustomerJourney.class, axon.parameterResolverFactory(), axon.handlerDefinition(CustomerJourney.class));
            model = inspected;
        }
        return inspected;
    }

    private static CustomerJourney newJourney() {
        try {
            Constructor<CustomerJourney> constructor = CustomerJourney.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("CustomerJourney needs a no-argument constructor", e);
        }
    }
}
