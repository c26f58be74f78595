package io.journeyengine.views.journey;

import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileMergedInto;
import io.journeyengine.journey.merge.ProfileRestored;
import io.journeyengine.journey.merge.ProfileUnmerged;
import io.journeyengine.views.support.Counters;
import io.journeyengine.views.support.SnapshotReads;
import io.journeyengine.views.support.TimeRange;
import io.journeyengine.views.support.TouchpointLog;
import io.journeyengine.views.support.TouchpointRow;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import static io.journeyengine.views.journey.JourneyContribution.TOTALS;

/**
 * Journey analytics: customers, omnichannel customers, channels per converted customer and the median time to
 * first purchase. {@code journey_customer} holds each customer's journey summary ({@link JourneyContribution}) and
 * its time to first purchase, indexed, and {@code journey_purchase_time_bucket} counts those times in buckets, so the
 * median reads one bucket's stretch of the index instead of half the customers ({@link PurchaseTimeBuckets}); {@code journey_stats} holds the totals; {@code journey_touchpoint} every touchpoint, for time ranges.
 * <p>
 * The group runs in several segments: a customer's rows belong to one segment, and the one totals row is only added
 * to at the end of a batch ({@link Counters}), so concurrent segments neither lose updates nor deadlock.
 * Idempotent by the customer's {@code last_sequence}.
 * <p>
 * Merges work as in the channel view: the survivor folds in the merged touchpoints carried by {@link ProfileMerged}
 * and keeps copies of them for ranges; the merged-away profile leaves the totals and the median
 * ({@code time_to_first_purchase_ms} NULL, {@code merged_into} set) until it is restored.
 */
@Component
@ProcessingGroup(JourneyAnalyticsProjection.GROUP)
public class JourneyAnalyticsProjection {

    public static final String GROUP = "journey-analytics";

    private final JdbcTemplate jdbc;
    private final TouchpointLog touchpoints;
    private final SnapshotReads snapshots;

    public JourneyAnalyticsProjection(JdbcTemplate jdbc, SnapshotReads snapshots) {
        this.jdbc = jdbc;
        this.touchpoints = new TouchpointLog(jdbc, "journey_touchpoint");
        this.snapshots = snapshots;
    }

    private record Summary(long lastSequence, JourneyContribution journey) {
    }

    @EventHandler
    void on(TouchpointEvent event, @SequenceNumber long sequence) {
        Optional<Summary> found = summaryOf(event.customerId());
        if (found.isPresent() && found.get().lastSequence() >= sequence) {
            return;
        }
        JourneyContribution before = found.map(Summary::journey).orElse(JourneyContribution.NONE);
        TouchpointRow touchpoint = TouchpointRow.of(event, sequence);
        store(event.customerId(), sequence, found.isPresent(), before.plus(touchpoint), before);
        touchpoints.append(event.customerId(), touchpoint);
    }

    @EventHandler
    void on(ProfileMerged event, @SequenceNumber long sequence) {
        Optional<Summary> found = summaryOf(event.customerId());
        if (found.isPresent() && found.get().lastSequence() >= sequence) {
            return;
        }
        JourneyContribution before = found.map(Summary::journey).orElse(JourneyContribution.NONE);
        List<TouchpointRow> copies = TouchpointRow.copiesOf(event.profile().history(), sequence);
        JourneyContribution after = before;
        for (TouchpointRow copy : copies) {
            after = after.plus(copy);
        }
        store(event.customerId(), sequence, found.isPresent(), after, before);
        touchpoints.appendCopies(event.customerId(), event.mergedCustomerId(), copies);
    }

    @EventHandler
    void on(ProfileUnmerged event, @SequenceNumber long sequence) {
        Optional<Summary> found = summaryOf(event.customerId());
        if (found.isEmpty() || found.get().lastSequence() >= sequence) {
            return;
        }
        touchpoints.removeCopies(event.customerId(), event.mergedCustomerId());
        // Set-based figures cannot subtract a touchpoint: fold the remaining ones again.
        JourneyContribution after = JourneyContribution.of(touchpoints.ofCustomer(event.customerId()));
        store(event.customerId(), sequence, true, after, found.get().journey());
    }

    @EventHandler
    void on(ProfileMergedInto event, @SequenceNumber long sequence) {
        Optional<Summary> found = summaryOf(event.customerId());
        if (found.isEmpty() || found.get().lastSequence() >= sequence) {
            return;
        }
        jdbc.update("UPDATE journey_customer SET last_sequence = ?, time_to_first_purchase_ms = NULL, "
                            + "merged_into = ? WHERE customer_id = ?", sequence, event.survivorId(),
                    event.customerId());
        touchpoints.markMergedInto(event.customerId(), event.survivorId());
        Counters.ofCurrentBatch(jdbc, GROUP).addAll(found.get().journey().figures(), -1);
    }

    @EventHandler
    void on(ProfileRestored event, @SequenceNumber long sequence) {
        Optional<Summary> found = summaryOf(event.customerId());
        if (found.isEmpty() || found.get().lastSequence() >= sequence) {
            return;
        }
        JourneyContribution journey = found.get().journey();
        jdbc.update("UPDATE journey_customer SET last_sequence = ?, time_to_first_purchase_ms = ?, merged_into = NULL "
                            + "WHERE customer_id = ?", sequence, journey.timeToFirstPurchaseMillis(),
                    event.customerId());
        touchpoints.unmark(event.customerId());
        Counters.ofCurrentBatch(jdbc, GROUP).addAll(journey.figures(), 1);
    }

    private Optional<Summary> summaryOf(String customerId) {
        return jdbc.query(
                "SELECT last_sequence, first_at, first_purchase_at, channels FROM journey_customer "
                        + "WHERE customer_id = ?",
                (rs, n) -> new Summary(rs.getLong(1), new JourneyContribution(
                        instant(rs.getObject(2, OffsetDateTime.class)), instant(rs.getObject(3, OffsetDateTime.class)),
                        JourneyContribution.channelsOf(rs.getString(4)))),
                customerId).stream().findFirst();
    }

    /** Writes the customer's new summary and adds the difference it makes to the totals. */
    private void store(String customerId, long sequence, boolean exists, JourneyContribution after,
                       JourneyContribution before) {
        Object[] columns = {sequence, TimeRange.utc(after.firstAt()), utcOrNull(after.firstPurchaseAt()),
                after.channelNames(), after.timeToFirstPurchaseMillis(), customerId};
        if (!exists) {
            jdbc.update("INSERT INTO journey_customer (last_sequence, first_at, first_purchase_at, channels, "
                                + "time_to_first_purchase_ms, customer_id) VALUES (?, ?, ?, ?, ?, ?)", columns);
        } else {
            jdbc.update("UPDATE journey_customer SET last_sequence = ?, first_at = ?, first_purchase_at = ?, "
                                + "channels = ?, time_to_first_purchase_ms = ? WHERE customer_id = ?", columns);
        }
        Counters changes = Counters.ofCurrentBatch(jdbc, GROUP);
        changes.addAll(before.figures(), -1);
        changes.addAll(after.figures(), 1);
    }

    /** Back to no customers: the one totals row stays (created by the migration), at 0. */
    @ResetHandler
    void reset() {
        touchpoints.clear();
        jdbc.update("DELETE FROM journey_customer");
        jdbc.update(TOTALS.zero());
        jdbc.update(PurchaseTimeBuckets.TABLE.zero());
    }

    @QueryHandler
    JourneyAnalytics handle(FindJourneyAnalytics query) {
        return query.range().isAll() ? snapshots.read(this::allTime) : inRange(query.range());
    }

    private JourneyAnalytics allTime() {
        Counters totals = Counters.read(jdbc, TOTALS, "");
        long converted = totals.total(TOTALS, "converted_customers");
        String median = null;
        if (converted > 0) {
            // The two middle values (the same one for an odd count), by rank.
            median = MedianTime.of(timeAtRank((converted - 1) / 2), timeAtRank(converted / 2));
        }
        return JourneyAnalytics.from(totals, median);
    }

    /**
     * The time to first purchase at {@code rank} (0 = shortest) among converted customers: the bucket counts say
     * which bucket holds that rank, and only that bucket's stretch of the index is read.
     */
    private long timeAtRank(long rank) {
        long before = 0;
        for (Map.Entry<Integer, Long> bucket : jdbc.query(
                "SELECT bucket, customers FROM journey_purchase_time_bucket WHERE customers > 0 ORDER BY bucket",
                (rs, n) -> Map.entry(Integer.parseInt(rs.getString(1)), rs.getLong(2)))) {
            if (rank < before + bucket.getValue()) {
                return jdbc.queryForObject(
                        "SELECT time_to_first_purchase_ms FROM journey_customer WHERE time_to_first_purchase_ms >= ? "
                                + "AND time_to_first_purchase_ms < ? ORDER BY time_to_first_purchase_ms "
                                + "OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY", Long.class,
                        PurchaseTimeBuckets.lowerBound(bucket.getKey()),
                        PurchaseTimeBuckets.upperBound(bucket.getKey()), rank - before);
            }
            before += bucket.getValue();
        }
        throw new IllegalStateException("journey_purchase_time_bucket counts " + before
                                                + " converted customers, fewer than rank " + rank + " needs");
    }

    private JourneyAnalytics inRange(TimeRange range) {
        Counters totals = new Counters();
        LongStream.Builder times = LongStream.builder();
        touchpoints.forEachCustomer(range, (customer, inRange) -> {
            JourneyContribution journey = JourneyContribution.of(inRange);
            totals.addAll(journey.figures(), 1);
            if (journey.converted()) {
                times.add(journey.timeToFirstPurchaseMillis());
            }
        });
        return JourneyAnalytics.from(totals, MedianTime.ofSorted(times.build().sorted().toArray()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utcOrNull(Instant instant) {
        return instant == null ? null : TimeRange.utc(instant);
    }
}
