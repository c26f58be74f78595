package io.journeyengine.views.customer;

import io.journeyengine.journey.JourneyStarted;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.lifecycle.LifecycleStageAdvanced;
import io.journeyengine.journey.lifecycle.LifecycleStageCorrected;
import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileMergedInto;
import io.journeyengine.journey.merge.ProfileRestored;
import io.journeyengine.journey.merge.ProfileUnmerged;
import io.journeyengine.views.support.InsertOnce;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The customer's row of the customer-360 view ({@code customer_profile}): stage, number of applied touchpoints,
 * latest touchpoint, and the channels used ({@code customer_channel}: touchpoints per channel and first use). These
 * are counters, so every touchpoint first claims its sequence number in {@code last_sequence}: a redelivered
 * touchpoint is not counted twice.
 * <p>
 * The other classes of the {@value #GROUP} group keep the rest of the profile (contacts, conversations, codes,
 * orders) in rows that an event sets rather than counts, so they need no claim.
 * <p>
 * Merges: the survivor records which profiles were merged into it ({@code customer_merge}); its answer then reads
 * their identities, consents, conversations, channels and touchpoints with its own (see {@link CustomerQueries}),
 * whenever the merged profile's segment wrote them. A merged-away profile leaves the listing ({@code merged_into}).
 */
@Component
@ProcessingGroup(CustomerProfileProjection.GROUP)
public class CustomerProfileProjection {

    public static final String GROUP = "customer-360";

    private final JdbcTemplate jdbc;

    public CustomerProfileProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(JourneyStarted event, @SequenceNumber long sequence) {
        InsertOnce.into("customer_profile").key("customer_id", event.customerId())
                  .value("touchpoints", 0L).value("last_sequence", sequence).run(jdbc);
    }

    @EventHandler
    void on(TouchpointEvent event, @SequenceNumber long sequence) {
        Timestamp at = Timestamp.from(event.touchpoint().occurredAt());
        String customerId = event.customerId();
        if (jdbc.update("UPDATE customer_profile SET last_sequence = ?, touchpoints = touchpoints + 1, "
                                + "last_touchpoint_at = CASE WHEN last_touchpoint_at IS NULL OR last_touchpoint_at < ? "
                                + "THEN ? ELSE last_touchpoint_at END WHERE customer_id = ? AND last_sequence < ?",
                        sequence, at, at, customerId, sequence) == 0) {
            return;
        }
        String channel = event.touchpoint().channel().name();
        // First use is the earliest occurredAt; a touchpoint at the same time that arrived later is not earlier.
        int known = jdbc.update("UPDATE customer_channel SET touchpoints = touchpoints + 1, "
                                        + "first_sequence = CASE WHEN first_at > ? THEN ? ELSE first_sequence END, "
                                        + "first_at = CASE WHEN first_at > ? THEN ? ELSE first_at END "
                                        + "WHERE customer_id = ? AND channel = ?",
                                at, sequence, at, at, customerId, channel);
        if (known == 0) {
            jdbc.update("INSERT INTO customer_channel (customer_id, channel, touchpoints, first_at, first_sequence) "
                                + "VALUES (?, ?, 1, ?, ?)", customerId, channel, at, sequence);
        }
    }

    @EventHandler
    void on(LifecycleStageAdvanced event) {
        // Stages only advance and a customer's events arrive in order, so the latest advance is the stage.
        jdbc.update("UPDATE customer_profile SET stage = ? WHERE customer_id = ?", event.to().name(),
                    event.customerId());
    }

    @EventHandler
    void on(LifecycleStageCorrected event) {
        jdbc.update("UPDATE customer_profile SET stage = ? WHERE customer_id = ?", event.to().name(),
                    event.customerId());
    }

    @EventHandler
    void on(ProfileMerged event, @SequenceNumber long sequence) {
        InsertOnce.into("customer_merge").key("customer_id", event.customerId())
                  .key("merged_id", event.mergedCustomerId())
                  .value("merged_at", Timestamp.from(event.touchpoint().occurredAt()))
                  .value("evidence_type", event.evidence().type().name())
                  .value("touchpoint_id", event.touchpoint().id())
                  .value("sequence_number", sequence).run(jdbc);
    }

    @EventHandler
    void on(ProfileUnmerged event) {
        jdbc.update("DELETE FROM customer_merge WHERE customer_id = ? AND merged_id = ?", event.customerId(),
                    event.mergedCustomerId());
    }

    @EventHandler
    void on(ProfileMergedInto event) {
        jdbc.update("UPDATE customer_profile SET merged_into = ? WHERE customer_id = ?", event.survivorId(),
                    event.customerId());
    }

    @EventHandler
    void on(ProfileRestored event) {
        jdbc.update("UPDATE customer_profile SET merged_into = NULL WHERE customer_id = ?", event.customerId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM customer_merge");
        jdbc.update("DELETE FROM customer_channel");
        jdbc.update("DELETE FROM customer_profile");
    }
}
