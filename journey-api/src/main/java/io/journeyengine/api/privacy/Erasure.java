package io.journeyengine.api.privacy;

import io.journeyengine.api.config.TouchpointCorrelation;
import io.journeyengine.api.identity.Aliases;
import io.journeyengine.api.identity.JourneyTransaction;
import io.journeyengine.api.ingest.EventPositions;
import io.journeyengine.api.ingest.IdentityIndex;
import io.journeyengine.api.problem.ProblemException;
import io.journeyengine.api.security.AuditLog;
import io.journeyengine.journey.privacy.ErasePersonalData;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Erasure of a person's personal data (GDPR article 17): the customer and every profile merged into it (one person)
 * get a {@code PersonalDataErased} event, their identities leave the identity index, their keys are deleted (every
 * personal value of their events, snapshots and dead letters becomes unreadable for good) and snapshots that may hold
 * their values are dropped; all in one transaction. The views then blank what they copied. The events themselves
 * stay: the history remains replayable, with {@code [erased]} for the personal values.
 */
@Service
public class Erasure {

    /** What an erasure did. */
    public record Result(String customerId, List<String> erasedCustomerIds, int identitiesForgotten,
                         int keysDeleted, Long position) {
    }

    private final CommandGateway commands;
    private final JourneyTransaction transaction;
    private final Aliases aliases;
    private final IdentityIndex identities;
    private final PersonalDataKeys keys;
    private final JdbcTemplate jdbc;
    private final EventPositions positions;
    private final AuditLog audit;
    private final Cache journeys;
    private final Clock clock;

    public Erasure(CommandGateway commands, JourneyTransaction transaction, Aliases aliases, IdentityIndex identities,
                   PersonalDataKeys keys, JdbcTemplate jdbc, EventPositions positions, AuditLog audit,
                   @Qualifier("journeyCache") Cache journeys, Clock clock) {
        this.commands = commands;
        this.transaction = transaction;
        this.aliases = aliases;
        this.identities = identities;
        this.keys = keys;
        this.jdbc = jdbc;
        this.positions = positions;
        this.audit = audit;
        this.journeys = journeys;
        this.clock = clock;
    }

    public Result erase(String requestedId, String correlationId) {
        // A merged profile is the same person as its survivor: erasing either erases them all.
        String customerId = aliases.canonical(requestedId);
        if (!exists(customerId)) {
            throw ProblemException.of(404, "CUSTOMER_NOT_FOUND", "Customer not found",
                                      "There is no customer " + requestedId);
        }
        Instant at = clock.instant();
        MetaData metaData = MetaData.with(TouchpointCorrelation.CORRELATION_ID, correlationId)
                                    .and(TouchpointCorrelation.RECEIVED_AT, at.toString());
        Set<String> family = aliases.family(customerId);
        // Journeys that ever held a value of theirs in a snapshot: survivors of undone merges, too.
        Set<String> holders = new LinkedHashSet<>(family);
        holders.addAll(aliases.everMergedWith(family));
        Result result = transaction.run("erase " + customerId, () -> {
            for (String member : family) {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ErasePersonalData(member, at))
                                                          .andMetaData(metaData));
            }
            int forgotten = identities.forget(family);
            int deleted = keys.erase(family);
            for (String holder : holders) {
                jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", holder);
                // Time-travel checkpoints hold the same state as snapshots; rewritten on the next time travel.
                jdbc.update("DELETE FROM journey_state_checkpoint WHERE customer_id = ?", holder);
            }
            audit.record("PERSONAL_DATA_ERASED", customerId, "profiles=" + family + " keys=" + deleted
                    + " identities=" + forgotten);
            return new Result(customerId, List.copyOf(family), forgotten, deleted, null);
        });
        // The journeys applied the erasure in memory too; dropping them from the cache costs one reload each.
        holders.forEach(journeys::remove);
        Long position = positions.latestOf(new ArrayList<>(family)).values().stream().filter(Objects::nonNull)
                                 .max(Long::compare).orElse(null);
        return new Result(result.customerId(), result.erasedCustomerIds(), result.identitiesForgotten(),
                          result.keysDeleted(), position);
    }

    private boolean exists(String customerId) {
        return !jdbc.queryForList("SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ? "
                                          + "FETCH FIRST 1 ROWS ONLY", Integer.class, customerId).isEmpty();
    }
}
