package io.journeyengine.api.ingest;

import io.journeyengine.api.config.TouchpointCorrelation;
import io.journeyengine.api.identity.Aliases;
import io.journeyengine.api.identity.ProfileMerging;
import io.journeyengine.api.problem.Problem;
import io.journeyengine.journey.JourneyRuleViolation;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.merge.ProfileMergedAway;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies the touchpoints of one request.
 * <p>
 * The touchpoints of a request (or of one slice of a large batch) share one database transaction, opened by a root
 * unit of work: their events are appended in one batch when it commits, and the journeys they touched stay locked
 * until then, so no other request can build on events that might still roll back. Each touchpoint runs in a nested unit of work with a savepoint: a
 * refused touchpoint rolls back alone (its identity claim and receipt included) and the others go on. The answer is
 * sent only after the commit, so an acknowledged touchpoint is durable.
 */
@Service
public class IngestionService {

    private static final Logger log = LoggerFactory.getLogger(IngestionService.class);
    private static final int ATTEMPTS = 3;
    private static final int REQUEST_ATTEMPTS = 10;
    private static final long MAX_BACK_OFF_MILLIS = 400;

    private final CommandGateway commands;
    private final ReceiptRepository receipts;
    private final IdentityIndex identities;
    private final TransactionManager requestTransaction;
    private final TransactionManager touchpointTransaction;
    private final Clock clock;
    private final int commitSize;
    private final EventPositions eventPositions;
    private final Aliases aliases;
    private final ProfileMerging merging;

    public IngestionService(CommandGateway commands, ReceiptRepository receipts, IdentityIndex identities,
                            PlatformTransactionManager transactionManager, TransactionManager axonTransactionManager,
                            Clock clock, IngestProperties properties, EventPositions eventPositions,
                            Aliases aliases, ProfileMerging merging) {
        this.commands = commands;
        this.receipts = receipts;
        this.identities = identities;
        this.requestTransaction = new SpringTransactionManager(transactionManager);
        this.touchpointTransaction = axonTransactionManager;
        this.clock = clock;
        if (properties.commitSize() < 1) {
            throw new IllegalArgumentException("journey.ingest.commit-size must be at least 1");
        }
        this.commitSize = properties.commitSize();
        this.eventPositions = eventPositions;
        this.aliases = aliases;
        this.merging = merging;
    }

    /**
     * Applies {@code items} in order and answers one result per item, in the same order.
     * <p>
     * A large batch commits in slices of {@code journey.ingest.commit-size} touchpoints, one after the other: one unit
     * of work over a whole 1000-item batch held every touched journey locked until the end, and Axon's unit of work
     * grows slower with every event staged in it (each aggregate load looks through them), so a batch of 500 cost
     * several times what five of 100 cost. Every touchpoint is still all-or-nothing and answered only once its
     * slice is committed; order per customer is kept because the slices run in array order.
     */
    public List<TouchpointResult> ingest(List<ParsedTouchpoint> items, String correlationId) {
        if (items.size() <= commitSize) {
            return ingestSlice(items, correlationId);
        }
        List<TouchpointResult> results = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += commitSize) {
            results.addAll(ingestSlice(items.subList(from, Math.min(items.size(), from + commitSize)),
                                       correlationId));
        }
        return results;
    }

    /** One database transaction: the slice's touchpoints are all committed together, or retried together. */
    private List<TouchpointResult> ingestSlice(List<ParsedTouchpoint> items, String correlationId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ingestOnce(items, correlationId);
            } catch (ConcurrencyException | DeadlockException e) {
                // Another node appended to one of these journeys first, or two batches wanted each other's
                // customers in opposite orders; nothing of ours was written and our locks are released. Try again
                // on the fresh streams (Axon evicted the stale cached journeys on rollback).
                if (attempt == REQUEST_ATTEMPTS) {
                    log.warn("Giving up after {} concurrent-write conflicts", attempt, e);
                    return failAll(items, Problem.of(503, "CONCURRENT_UPDATE", "Try again",
                                                     "The customer's journey changed concurrently; send it again"));
                }
                backOff(attempt);
            } catch (RuntimeException e) {
                log.error("Could not store touchpoints", e);
                return failAll(items, Problem.of(503, "STORE_UNAVAILABLE", "Event store unavailable",
                                                 "The touchpoints were not stored; send them again"));
            }
        }
    }

    /**
     * A random pause that doubles with the attempt (8, 16, 32 ... at most 400 ms), so two requests that collided do not
     * collide again. It grew by 10 ms an attempt before: on PostgreSQL, where a request holds its journeys through
     * more round trips and a slower commit, four batches taking two customers in opposite orders could make one of
     * them lose ten times in a row under load (503 CONCURRENT_UPDATE).
     */
    private static void backOff(int attempt) {
        long ceiling = Math.min(MAX_BACK_OFF_MILLIS, 4L << Math.min(attempt, 16));
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", interrupted);
        }
    }

    private List<TouchpointResult> ingestOnce(List<ParsedTouchpoint> items, String correlationId) {
        Instant receivedAt = clock.instant();
        UnitOfWork<?> request = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("touchpoint request"));
        List<TouchpointResult> results = new ArrayList<>(items.size());
        try {
            request.attachTransaction(requestTransaction);
            for (ParsedTouchpoint item : items) {
                results.add(item instanceof ParsedTouchpoint.Valid valid
                                    ? ingestOne(valid, correlationId, receivedAt)
                                    : TouchpointResult.rejected(item.touchpointId(), item.customerId(),
                                                                item.refusal()));
            }
        } catch (RuntimeException e) {
            request.rollback(e);
            throw e;
        }
        request.commit();
        return withPositions(results);
    }

    /**
     * Stamps each stored touchpoint with its customer's latest global position, read after the commit: at least the
     * position of the touchpoint's own last event, which is what a reader waiting for its own write needs.
     */
    private List<TouchpointResult> withPositions(List<TouchpointResult> results) {
        Set<String> customers = new LinkedHashSet<>();
        for (TouchpointResult result : results) {
            if (result.status() != TouchpointResult.Status.REJECTED && result.customerId() != null) {
                customers.add(result.customerId());
            }
        }
        if (customers.isEmpty()) {
            return results;
        }
        Map<String, Long> positions = eventPositions.latestOf(customers);
        List<TouchpointResult> stamped = new ArrayList<>(results.size());
        for (TouchpointResult result : results) {
            stamped.add(result.status() == TouchpointResult.Status.REJECTED ? result
                                : result.at(positions.get(result.customerId())));
        }
        return stamped;
    }

    private TouchpointResult ingestOne(ParsedTouchpoint.Valid item, String correlationId, Instant receivedAt) {
        for (int attempt = 1; ; attempt++) {
            var existing = receipts.find(item.touchpointId());
            if (existing.isPresent()) {
                return TouchpointResult.duplicate(item.touchpointId(), existing.get().customerId(),
                                                  existing.get().events());
            }
            Resolution who = resolve(item);
            UnitOfWork<?> scope = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage(item.touchpointId()));
            try {
                scope.attachTransaction(touchpointTransaction);
                MetaData metaData = metaData(item, correlationId, receivedAt);
                // Profiles proved to be this customer are merged into it first: the touchpoint then applies to the
                // one customer they are (a checkout after a login buys both carts).
                List<String> events = new ArrayList<>();
                for (Merge merge : who.merges) {
                    events.addAll(merging.merge(merge.from(), who.customerId, item.touchpoint(), merge.evidence(),
                                                metaData, receivedAt));
                }
                for (Identity identity : who.toClaim) {
                    identities.claim(identity, who.customerId, receivedAt);
                }
                TouchpointCommand command = item.command().create(who.customerId, item.touchpoint(),
                                                                  item.identity());
                events.addAll(commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(metaData)));
                receipts.record(new ReceiptRepository.Receipt(item.touchpointId(), who.customerId, events),
                                receivedAt);
                scope.commit();
                return TouchpointResult.applied(item.touchpointId(), who.customerId, events);
            } catch (JourneyRuleViolation violation) {
                scope.rollback(violation);
                return TouchpointResult.rejected(item.touchpointId(), who.customerId, ruleProblem(violation));
            } catch (DuplicateKeyException | ProfileMergedAway race) {
                // Another request claimed the same identity or touchpointId first, or merged this customer into
                // another one; look again (the identity or the alias now leads to the winner).
                scope.rollback(race);
                if (attempt == ATTEMPTS) {
                    throw race;
                }
            } catch (RuntimeException e) {
                if (scope.isActive()) {
                    scope.rollback(e);
                }
                throw e;
            }
        }
    }

    /** A profile to merge into the touchpoint's customer, and the identity that proves they are one. */
    private record Merge(String from, Identity evidence) {
    }

    /**
     * The customer a touchpoint is for (a merged-away id leads to its survivor), the identities it brings that
     * nobody owns yet, and the other customers' profiles it proves to be this customer's.
     */
    private record Resolution(String customerId, Set<Identity> toClaim, List<Merge> merges) {
    }

    private Resolution resolve(ParsedTouchpoint.Valid item) {
        String customerId = item.customerId() == null ? null : aliases.canonical(item.customerId());
        Set<Identity> toClaim = new LinkedHashSet<>();
        List<Merge> merges = new ArrayList<>();
        if (item.identity() != null) {
            var owner = identities.customerOf(item.identity()).map(aliases::canonical);
            if (customerId == null) {
                customerId = owner.orElseGet(() -> "cust-" + UUID.randomUUID());
            } else if (owner.isPresent() && !owner.get().equals(customerId)) {
                merges.add(new Merge(owner.get(), item.identity()));
            }
            if (owner.isEmpty()) {
                toClaim.add(item.identity());
            }
        }
        Identity linked = item.linkedIdentity();
        if (linked != null) {
            var owner = identities.customerOf(linked).map(aliases::canonical);
            String from = owner.orElse(null);
            if (from != null && !from.equals(customerId) && merges.stream().noneMatch(m -> m.from().equals(from))) {
                merges.add(new Merge(from, linked));
            }
            if (owner.isEmpty()) {
                toClaim.add(linked);
            }
        }
        return new Resolution(customerId, toClaim, merges);
    }

    public static Problem ruleProblem(JourneyRuleViolation violation) {
        int status = violation.code().conflict ? 409 : 422;
        return Problem.of(status, violation.code().name(), violation.code().title, violation.getMessage())
                      .with(violation.details());
    }

    private static MetaData metaData(ParsedTouchpoint.Valid item, String correlationId, Instant receivedAt) {
        return MetaData.with(TouchpointCorrelation.TOUCHPOINT_ID, item.touchpointId())
                       .and(TouchpointCorrelation.CHANNEL, item.touchpoint().channel().name())
                       .and(TouchpointCorrelation.RECEIVED_AT, receivedAt.toString())
                       .and(TouchpointCorrelation.CORRELATION_ID, correlationId);
    }

    private static List<TouchpointResult> failAll(List<ParsedTouchpoint> items, Problem problem) {
        return items.stream().map(item -> TouchpointResult.rejected(item.touchpointId(), item.customerId(),
                                                                    item.refusal() != null ? item.refusal()
                                                                            : problem)).toList();
    }
}
