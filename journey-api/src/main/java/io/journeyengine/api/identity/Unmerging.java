package io.journeyengine.api.identity;

import io.journeyengine.api.config.TouchpointCorrelation;
import io.journeyengine.api.ingest.EventPositions;
import io.journeyengine.api.ingest.IdentityIndex;
import io.journeyengine.api.problem.Problem;
import io.journeyengine.api.problem.ProblemException;
import io.journeyengine.api.security.AuditLog;
import io.journeyengine.journey.JourneyRuleViolation;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.merge.ProfileMergedAway;
import io.journeyengine.journey.merge.RestoreProfile;
import io.journeyengine.journey.merge.UnmergeProfile;
import io.journeyengine.journey.merge.Unmerged;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Undoes a merge: the survivor gives back what came with the merged profile ({@code ProfileUnmerged}, and a
 * {@code LifecycleStageCorrected} if the merged touchpoints had raised its stage), the merged profile is a customer of
 * its own again ({@code ProfileRestored}), its identities lead to it again and its alias ends, all in one transaction.
 */
@Service
public class Unmerging {

    /** The answer: both customers, the events each got, how many identities went back, and the position to wait for. */
    public record Result(String customerId, String restoredCustomerId, List<String> events,
                         List<String> restoredEvents, int identitiesReturned, Long position) {
    }

    private final CommandGateway commands;
    private final JourneyTransaction transaction;
    private final IdentityIndex identities;
    private final Aliases aliases;
    private final EventPositions positions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditLog audit;

    public Unmerging(CommandGateway commands, JourneyTransaction transaction, IdentityIndex identities,
                     Aliases aliases, EventPositions positions, JdbcTemplate jdbc, Clock clock, AuditLog audit) {
        this.commands = commands;
        this.transaction = transaction;
        this.identities = identities;
        this.aliases = aliases;
        this.positions = positions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public Result unmerge(String survivorId, String mergedId, String correlationId) {
        aliases.survivorOf(survivorId).ifPresent(survivor -> {
            throw merged(survivorId, aliases.canonical(survivor));
        });
        if (!exists(survivorId)) {
            throw ProblemException.of(404, "CUSTOMER_NOT_FOUND", "Customer not found",
                                      "There is no customer " + survivorId);
        }
        Instant at = clock.instant();
        MetaData metaData = MetaData.with(TouchpointCorrelation.CORRELATION_ID, correlationId)
                                    .and(TouchpointCorrelation.RECEIVED_AT, at.toString());
        Result result;
        try {
            result = transaction.run("unmerge " + mergedId + " from " + survivorId, () -> {
                Unmerged unmerged = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new UnmergeProfile(survivorId, mergedId, at)).andMetaData(metaData));
                List<String> restored = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new RestoreProfile(mergedId, survivorId, at)).andMetaData(metaData));
                for (Identity identity : unmerged.returned().identities()) {
                    identities.move(identity, survivorId, mergedId);
                }
                aliases.recordUnmerge(mergedId, survivorId, at);
                audit.record("PROFILE_UNMERGED", survivorId, "restored=" + mergedId);
                return new Result(survivorId, mergedId, unmerged.events(), restored,
                                  unmerged.returned().identities().size(), null);
            });
        } catch (JourneyRuleViolation refused) {
            Map<String, Object> details = new java.util.LinkedHashMap<>(refused.details());
            // "Not merged into this one" is clearer with where it is merged, if anywhere.
            aliases.survivorOf(mergedId).ifPresent(survivor -> details.put("mergedInto", survivor));
            throw new ProblemException(Problem.of(refused.code().conflict ? 409 : 422, refused.code().name(),
                                                  refused.code().title, refused.getMessage())
                                              .with(details));
        } catch (ProfileMergedAway race) {
            throw merged(race.customerId(), race.survivorId());
        }
        Map<String, Long> latest = positions.latestOf(List.of(survivorId, mergedId));
        Long position = latest.values().stream().filter(java.util.Objects::nonNull).max(Long::compare).orElse(null);
        return new Result(result.customerId(), result.restoredCustomerId(), result.events(), result.restoredEvents(),
                          result.identitiesReturned(), position);
    }

    private boolean exists(String customerId) {
        return !jdbc.queryForList("SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ? "
                                          + "FETCH FIRST 1 ROWS ONLY", Integer.class, customerId).isEmpty();
    }

    private static ProblemException merged(String customerId, String survivorId) {
        return new ProblemException(Problem.of(409, "CUSTOMER_MERGED", "Customer was merged into another",
                                               "Customer " + customerId + " was merged into " + survivorId
                                                       + "; undo that merge first, on " + survivorId)
                                           .with(Map.of("survivorCustomerId", survivorId)));
    }
}
