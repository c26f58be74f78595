package io.journeyengine.views.lifecycle;

import io.journeyengine.journey.JourneyStarted;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.lifecycle.AppliedTouchpoint;
import io.journeyengine.journey.lifecycle.LifecycleSignal;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.journey.lifecycle.LifecycleStageAdvanced;
import io.journeyengine.journey.lifecycle.LifecycleStageCorrected;
import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileMergedInto;
import io.journeyengine.journey.merge.ProfileRestored;
import io.journeyengine.journey.merge.ProfileUnmerged;
import io.journeyengine.views.support.TouchpointLog;
import io.journeyengine.views.support.InsertOnce;
import io.journeyengine.views.support.CounterTable;
import io.journeyengine.views.support.Counters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/**
 * Lifecycle stages as the journey decided them ({@link LifecycleStageAdvanced}): the current stage and history per
 * customer, the number of customers now in each stage (the funnel), and per applied touchpoint its
 * {@link LifecycleSignal}, from which the funnel of a time range re-applies the rules to in-range touchpoints only.
 * <p>
 * The stage counts are shared by all customers and therefore go through {@link Counters} (added at the batch's commit, in key order); a stage advance moves
 * them only after claiming the event's sequence number in {@code lifecycle_customer}, so a redelivered advance never
 * counts twice. Rows keyed by sequence number are simply not inserted twice.
 * <p>
 * Merges: the survivor's stage comes from its own events as always (the journey recomputes it and records an advance,
 * or after an unmerge a {@link LifecycleStageCorrected}); a merged-away profile leaves the stage counts until it is
 * restored; for ranges, the merged touchpoints are copied under the survivor from the {@link ProfileMerged} event and
 * the merged profile's own rows are marked.
 */
@Component
@ProcessingGroup(LifecycleProjection.GROUP)
public class LifecycleProjection {

    public static final String GROUP = "lifecycle";

    /** Customers now in each stage; its five rows are created by the migration. */
    static final CounterTable STAGE_COUNTS = new CounterTable("lifecycle_stage_count", List.of("stage"),
                                                              List.of("customers"));

    private final JdbcTemplate jdbc;

    public LifecycleProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(JourneyStarted event, @SequenceNumber long sequence) {
        InsertOnce.into("lifecycle_customer").key("customer_id", event.customerId())
                  .value("last_sequence", sequence).run(jdbc);
    }

    @EventHandler
    void on(TouchpointEvent event, @SequenceNumber long sequence) {
        InsertOnce.into("lifecycle_touchpoint")
                  .key("customer_id", event.customerId()).key("sequence_number", sequence)
                  .value("occurred_at", Timestamp.from(event.touchpoint().occurredAt()))
                  .value("lifecycle_signal", LifecycleSignal.of(event).name())
                  .run(jdbc);
    }

    @EventHandler
    void on(LifecycleStageAdvanced event, @SequenceNumber long sequence) {
        if (jdbc.update("UPDATE lifecycle_customer SET stage = ?, last_sequence = ? "
                                + "WHERE customer_id = ? AND last_sequence < ?",
                        event.to().name(), sequence, event.customerId(), sequence) == 0) {
            return;
        }
        jdbc.update("INSERT INTO lifecycle_step (customer_id, sequence_number, stage, stage_rule, touchpoint_id, "
                            + "reached_at) VALUES (?, ?, ?, ?, ?, ?)",
                    event.customerId(), sequence, event.to().name(), event.rule().name(), event.touchpoint().id(),
                    Timestamp.from(event.touchpoint().occurredAt()));
        Counters stageCounts = Counters.ofCurrentBatch(jdbc, GROUP);
        LifecycleStage from = event.from();
        if (from != null) {
            stageCounts.add(STAGE_COUNTS, from.name(), "customers", -1);
        }
        stageCounts.add(STAGE_COUNTS, event.to().name(), "customers", 1);
    }

    @EventHandler
    void on(LifecycleStageCorrected event, @SequenceNumber long sequence) {
        if (!claim(event.customerId(), sequence, event.to().name())) {
            return;
        }
        jdbc.update("INSERT INTO lifecycle_step (customer_id, sequence_number, stage, stage_rule, touchpoint_id, "
                            + "reached_at) VALUES (?, ?, ?, ?, ?, ?)",
                    event.customerId(), sequence, event.to().name(), event.rule().name(),
                    "unmerge:" + event.unmergedCustomerId(), Timestamp.from(event.at()));
        if (event.from() != null) {
            count(event.from().name(), -1);
        }
        count(event.to().name(), 1);
    }

    @EventHandler
    void on(ProfileMerged event, @SequenceNumber long sequence) {
        java.util.List<AppliedTouchpoint> history = event.profile().history();
        for (int i = 0; i < history.size(); i++) {
            AppliedTouchpoint touchpoint = history.get(i);
            InsertOnce.into("lifecycle_touchpoint")
                      .key("customer_id", event.customerId())
                      .key("sequence_number", TouchpointLog.copySequence(sequence, i))
                      .value("occurred_at", Timestamp.from(touchpoint.touchpoint().occurredAt()))
                      .value("lifecycle_signal", touchpoint.signal().name())
                      .value("merged_from", event.mergedCustomerId())
                      .run(jdbc);
        }
    }

    @EventHandler
    void on(ProfileUnmerged event) {
        jdbc.update("DELETE FROM lifecycle_touchpoint WHERE customer_id = ? AND merged_from = ?",
                    event.customerId(), event.mergedCustomerId());
    }

    @EventHandler
    void on(ProfileMergedInto event, @SequenceNumber long sequence) {
        String stage = currentStage(event.customerId());
        if (jdbc.update("UPDATE lifecycle_customer SET last_sequence = ?, merged_into = ? "
                                + "WHERE customer_id = ? AND last_sequence < ?",
                        sequence, event.survivorId(), event.customerId(), sequence) == 0) {
            return;
        }
        jdbc.update("UPDATE lifecycle_touchpoint SET merged_into = ? WHERE customer_id = ?", event.survivorId(),
                    event.customerId());
        // A merged-away profile is not a customer: it leaves the funnel until it is restored.
        if (stage != null) {
            count(stage, -1);
        }
    }

    @EventHandler
    void on(ProfileRestored event, @SequenceNumber long sequence) {
        String stage = currentStage(event.customerId());
        if (jdbc.update("UPDATE lifecycle_customer SET last_sequence = ?, merged_into = NULL "
                                + "WHERE customer_id = ? AND last_sequence < ?",
                        sequence, event.customerId(), sequence) == 0) {
            return;
        }
        jdbc.update("UPDATE lifecycle_touchpoint SET merged_into = NULL WHERE customer_id = ?", event.customerId());
        if (stage != null) {
            count(stage, 1);
        }
    }

    private void count(String stage, long customers) {
        Counters.ofCurrentBatch(jdbc, GROUP).add(STAGE_COUNTS, stage, "customers", customers);
    }

    private String currentStage(String customerId) {
        return jdbc.queryForList("SELECT stage FROM lifecycle_customer WHERE customer_id = ?", String.class,
                                 customerId).stream().findFirst().orElse(null);
    }

    private boolean claim(String customerId, long sequence, String stage) {
        return jdbc.update("UPDATE lifecycle_customer SET stage = ?, last_sequence = ? "
                                   + "WHERE customer_id = ? AND last_sequence < ?",
                           stage, sequence, customerId, sequence) == 1;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM lifecycle_step");
        jdbc.update("DELETE FROM lifecycle_touchpoint");
        jdbc.update("DELETE FROM lifecycle_customer");
        jdbc.update(STAGE_COUNTS.zero());
    }
}
