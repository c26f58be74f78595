package io.journeyengine.views.channel;

import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileMergedInto;
import io.journeyengine.journey.merge.ProfileRestored;
import io.journeyengine.journey.merge.ProfileUnmerged;
import io.journeyengine.views.support.Counters;
import io.journeyengine.views.support.SnapshotReads;
import io.journeyengine.views.support.TouchpointLog;
import io.journeyengine.views.support.TouchpointRow;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static io.journeyengine.views.channel.ChannelContribution.CHANNELS;
import static io.journeyengine.views.channel.ChannelContribution.SWITCHES;

/**
 * Channel analytics: touchpoints, customers, first- and last-touch conversions per channel and the channel-switch
 * matrix, pre-aggregated in {@code channel_stats} and {@code channel_switch_stats}, with every touchpoint kept in
 * {@code channel_touchpoint}.
 * <p>
 * A touchpoint may arrive late, with an {@code occurredAt} before touchpoints already seen; it then changes the
 * customer's order, so its switches and its first and last touch. Each touchpoint therefore recomputes its one
 * customer: the contribution before and after it is inserted, the difference going to the shared rows at the end
 * of the batch ({@link Counters}). The group runs in several segments; customers never share a segment, and the
 * shared rows are only added to, in a fixed order, so segments neither lose updates nor deadlock.
 * <p>
 * Idempotent: an event whose sequence the customer's rows already reach was applied before and is skipped.
 * <p>
 * Merges (docs/decisions.md, "Analytics after a merge"): the survivor's handler copies the merged profile's
 * touchpoints from the {@link ProfileMerged} event (never from the merged profile's rows, which another segment may
 * not have written yet) and recomputes the survivor; the merged profile's own handler takes its contribution out on
 * {@link ProfileMergedInto}, since a merged-away profile is not a customer. An unmerge and a restore do the opposite.
 */
@Component
@ProcessingGroup(ChannelAnalyticsProjection.GROUP)
public class ChannelAnalyticsProjection {

    public static final String GROUP = "channel-analytics";

    private final JdbcTemplate jdbc;
    private final TouchpointLog touchpoints;
    private final SnapshotReads snapshots;

    public ChannelAnalyticsProjection(JdbcTemplate jdbc, SnapshotReads snapshots) {
        this.jdbc = jdbc;
        this.touchpoints = new TouchpointLog(jdbc, "channel_touchpoint");
        this.snapshots = snapshots;
    }

    @EventHandler
    void on(TouchpointEvent event, @SequenceNumber long sequence) {
        List<TouchpointRow> before = touchpoints.ofCustomer(event.customerId());
        if (before.stream().anyMatch(row -> row.sequence() >= sequence)) {
            return;
        }
        TouchpointRow touchpoint = TouchpointRow.of(event, sequence);
        List<TouchpointRow> after = new ArrayList<>(before);
        after.add(touchpoint);
        after.sort(TouchpointRow.JOURNEY_ORDER);
        touchpoints.append(event.customerId(), touchpoint);
        Counters changes = Counters.ofCurrentBatch(jdbc, GROUP);
        changes.addAll(ChannelContribution.of(before), -1);
        changes.addAll(ChannelContribution.of(after), 1);
    }

    @EventHandler
    void on(ProfileMerged event, @SequenceNumber long sequence) {
        String survivor = event.customerId();
        if (touchpoints.hasCopies(survivor, event.mergedCustomerId())) {
            return;
        }
        List<TouchpointRow> before = touchpoints.ofCustomer(survivor);
        touchpoints.appendCopies(survivor, event.mergedCustomerId(),
                                 TouchpointRow.copiesOf(event.profile().history(), sequence));
        recomputed(before, touchpoints.ofCustomer(survivor));
    }

    @EventHandler
    void on(ProfileUnmerged event) {
        String survivor = event.customerId();
        List<TouchpointRow> before = touchpoints.ofCustomer(survivor);
        if (touchpoints.removeCopies(survivor, event.mergedCustomerId()) > 0) {
            recomputed(before, touchpoints.ofCustomer(survivor));
        }
    }

    @EventHandler
    void on(ProfileMergedInto event) {
        if (touchpoints.markMergedInto(event.customerId(), event.survivorId()) > 0) {
            Counters.ofCurrentBatch(jdbc, GROUP).addAll(
                    ChannelContribution.of(touchpoints.ofCustomer(event.customerId())), -1);
        }
    }

    @EventHandler
    void on(ProfileRestored event) {
        if (touchpoints.unmark(event.customerId()) > 0) {
            Counters.ofCurrentBatch(jdbc, GROUP).addAll(
                    ChannelContribution.of(touchpoints.ofCustomer(event.customerId())), 1);
        }
    }

    private void recomputed(List<TouchpointRow> before, List<TouchpointRow> after) {
        Counters changes = Counters.ofCurrentBatch(jdbc, GROUP);
        changes.addAll(ChannelContribution.of(before), -1);
        changes.addAll(ChannelContribution.of(after), 1);
    }

    /** Back to no touchpoints: the counter rows stay (one per channel and pair, created by the migration), at 0. */
    @ResetHandler
    void reset() {
        touchpoints.clear();
        jdbc.update(CHANNELS.zero());
        jdbc.update(SWITCHES.zero());
    }

    @QueryHandler
    ChannelAnalytics handle(FindChannelAnalytics query) {
        if (query.range().isAll()) {
            return snapshots.read(() -> {
                Counters figures = Counters.read(jdbc, CHANNELS, "");
                figures.addAll(Counters.read(jdbc, SWITCHES, ""), 1);
                return ChannelAnalytics.from(figures);
            });
        }
        Counters figures = new Counters();
        touchpoints.forEachCustomer(query.range(), (customer, inRange) ->
                figures.addAll(ChannelContribution.of(inRange), 1));
        return ChannelAnalytics.from(figures);
    }
}
