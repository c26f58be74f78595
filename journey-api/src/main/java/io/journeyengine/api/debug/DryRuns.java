package io.journeyengine.api.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.config.TouchpointCorrelation;
import io.journeyengine.api.customer.CustomerNotFound;
import io.journeyengine.api.ingest.IdentityIndex;
import io.journeyengine.api.ingest.IngestionService;
import io.journeyengine.api.ingest.ParsedTouchpoint;
import io.journeyengine.api.ingest.ReceiptRepository;
import io.journeyengine.api.ingest.TouchpointParser;
import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import io.journeyengine.journey.CustomerJourney;
import io.journeyengine.journey.JourneyRuleViolation;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs touchpoints against a customer's journey without storing anything: the journey is folded by the aggregate's
 * own code ({@link JourneyStates}), each touchpoint becomes the command ingestion would send, and the journey handles
 * it in memory, with the metadata a real request would give its events. What it answers is what the current code
 * would do with that journey; nothing is written (the events go to a private event bus, and the whole run is in a
 * transaction that is always rolled back, so even a future change that writes would leave nothing behind).
 */
@Service
public class DryRuns {

    private final TouchpointParser parser;
    private final JourneyEvents events;
    private final JourneyStates states;
    private final ReceiptRepository receipts;
    private final IdentityIndex identities;
    private final TouchpointCorrelation correlation;
    private final TransactionTemplate rolledBack;
    private final Clock clock;

    public DryRuns(TouchpointParser parser, JourneyEvents events, JourneyStates states, ReceiptRepository receipts,
                   IdentityIndex identities, TouchpointCorrelation correlation,
                   PlatformTransactionManager transactionManager, Clock clock) {
        this.parser = parser;
        this.events = events;
        this.states = states;
        this.receipts = receipts;
        this.identities = identities;
        this.correlation = correlation;
        this.rolledBack = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * One touchpoint's outcome: what ingestion would answer ({@code status}, {@code eventTypes} as its {@code events},
     * {@code problem}), with the events it would store in full.
     */
    public record Outcome(String touchpointId, String status, List<String> eventTypes, List<StoredEvent> events,
                          Problem problem) {
    }

    /** Which state the run started from: after event {@code sequence} (null: a customer without events). */
    public record BasedOn(Long sequence, Long lastSequence) {
    }

    public record Result(String customerId, BasedOn basedOn, List<Outcome> results, JourneyState state,
                         boolean written) {
    }

    public Result run(String customerId, Long atSequence, List<JsonNode> touchpoints, String correlationId) {
        return rolledBack.execute(status -> {
            status.setRollbackOnly();
            return runInside(customerId, atSequence, touchpoints, correlationId);
        });
    }

    private Result runInside(String customerId, Long atSequence, List<JsonNode> touchpoints, String correlationId) {
        Optional<Long> last = events.lastSequence(customerId);
        if (atSequence != null && last.isEmpty()) {
            throw CustomerNotFound.of(customerId);
        }
        if (atSequence != null && atSequence > last.get()) {
            throw new ProblemException(Problem.of(404, "SEQUENCE_NOT_FOUND", "No such event",
                                                  "Customer " + customerId + " has events 0 to " + last.get()
                                                          + "; there is no event " + atSequence)
                                              .with(Map.of("lastSequence", last.get())));
        }
        Long from = atSequence != null ? atSequence : last.orElse(null);
        List<EventMessage<?>> produced = new ArrayList<>();
        SimpleEventBus bus = SimpleEventBus.builder().build();
        bus.subscribe(produced::addAll);
        EventSourcedAggregate<CustomerJourney> journey = from == null ? states.empty(bus)
                : states.at(customerId, from, bus).aggregate();

        Instant receivedAt = clock.instant();
        Map<String, List<String>> appliedHere = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode node : touchpoints) {
            if (node instanceof ObjectNode object && !object.hasNonNull("customerId")) {
                // The dry run names its customer once; its touchpoints may leave it out.
                node = object.deepCopy().put("customerId", customerId);
            }
            ParsedTouchpoint item = parser.parse(node);
            if (!(item instanceof ParsedTouchpoint.Valid valid)) {
                outcomes.add(rejected(item.touchpointId(), item.refusal()));
                continue;
            }
            if (valid.customerId() != null && !valid.customerId().equals(customerId)) {
                outcomes.add(rejected(valid.touchpointId(), Problem.validation(List.of(new Problem.FieldError(
                        "customerId", "a dry run is for one customer: " + customerId)))));
                continue;
            }
            List<String> duplicate = appliedHere.containsKey(valid.touchpointId())
                    ? appliedHere.get(valid.touchpointId())
                    : receipts.find(valid.touchpointId()).map(ReceiptRepository.Receipt::events).orElse(null);
            if (duplicate != null) {
                outcomes.add(new Outcome(valid.touchpointId(), "DUPLICATE", duplicate, List.of(), null));
                continue;
            }
            Problem conflict = identityConflict(valid.identity(), customerId);
            if (conflict == null) {
                conflict = identityConflict(valid.linkedIdentity(), customerId);
            }
            if (conflict != null) {
                outcomes.add(rejected(valid.touchpointId(), conflict));
                continue;
            }
            outcomes.add(handle(journey, valid, customerId, correlationId, receivedAt, produced, appliedHere));
        }
        return new Result(customerId, new BasedOn(from, last.orElse(null)), outcomes,
                          journey.getAggregateRoot().customerId() == null ? null
                                  : JourneyState.of(journey.getAggregateRoot()),
                          false);
    }

    /** The journey handles the command as the command bus would hand it over, in a unit of work of its own. */
    private Outcome handle(EventSourcedAggregate<CustomerJourney> journey, ParsedTouchpoint.Valid item,
                           String customerId, String correlationId, Instant receivedAt,
                           List<EventMessage<?>> produced, Map<String, List<String>> appliedHere) {
        TouchpointCommand command = item.command().create(customerId, item.touchpoint(), item.identity());
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(
                MetaData.with(TouchpointCorrelation.TOUCHPOINT_ID, item.touchpointId())
                        .and(TouchpointCorrelation.CHANNEL, item.touchpoint().channel().name())
                        .and(TouchpointCorrelation.RECEIVED_AT, receivedAt.toString())
                        .and(TouchpointCorrelation.CORRELATION_ID, correlationId));
        int before = produced.size();
        DefaultUnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        unitOfWork.registerCorrelationDataProvider(correlation);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> journey.handle(message));
        if (result.isExceptional()) {
            if (result.exceptionResult() instanceof JourneyRuleViolation violation) {
                return rejected(item.touchpointId(), IngestionService.ruleProblem(violation));
            }
            throw new IllegalStateException("The journey failed on " + item.touchpointId(), result.exceptionResult());
        }
        List<StoredEvent> stored = new ArrayList<>();
        for (EventMessage<?> event : produced.subList(before, produced.size())) {
            stored.add(events.describe((DomainEventMessage<?>) event, null));
        }
        List<String> types = stored.stream().map(StoredEvent::type).toList();
        appliedHere.put(item.touchpointId(), types);
        return new Outcome(item.touchpointId(), "APPLIED", types, stored, null);
    }

    private Problem identityConflict(Identity identity, String customerId) {
        if (identity == null) {
            return null;
        }
        return identities.customerOf(identity).filter(owner -> !owner.equals(customerId))
                         // Ingestion would merge the owner's profile into this customer (two journeys, the alias
                         // index): more than a dry run of one journey can show, so it says so instead of guessing.
                         .map(owner -> Problem.of(409, "DRY_RUN_WOULD_MERGE", "The touchpoint would merge two profiles",
                                                  "This " + identity.type() + " belongs to customer " + owner
                                                          + "; ingesting it would merge that profile into "
                                                          + customerId + ", which a dry run does not simulate")
                                              .with(Map.of("identityType", identity.type().name(),
                                                           "ownerCustomerId", owner)))
                         .orElse(null);
    }

    private static Outcome rejected(String touchpointId, Problem problem) {
        return new Outcome(touchpointId, "REJECTED", List.of(), List.of(), problem);
    }
}
