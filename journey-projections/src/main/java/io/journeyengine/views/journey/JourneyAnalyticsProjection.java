package io.journeyengine.views.journey;

import io.journeyengine.journey.TouchpointEvent;
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
        List<Summary> found = jdbc.query(
                "SELECT last_sequence, first_at, first_purchase_at, channels FROM journey_customer "
                        + "WHERE customer_id = ?",
                (rs, n) -> new Summary(rs.getLong(1), new JourneyContribution(
                        instant(rs.getObject(2, OffsetDateTime.class)), instant(rs.getObject(3, OffsetDateTime.class)),
                        JourneyContribution.channelsOf(rs.getString(4)))),
                event.customerId());
        if (!found.isEmpty() && found.get(0).lastSequence() >= sequence) {
            return;
        }
        JourneyContribution before = found.isEmpty() ? JourneyContribution.NONE : found.get(0).journey();
        TouchpointRow touchpoint = TouchpointRow.of(event, sequence);
        JourneyContribution after = before.plus(touchpoint);
        Object[] columns = {sequence, TimeRange.utc(after.firstAt()), utcOrNull(after.firstPurchaseAt()),
                after.channelNames(), after.timeToFirstPurchaseMillis(), event.customerId()};
        if (found.isEmpty()) {
            jdbc.update("INSERT INTO journey_customer (last_sequence, first_at, first_purchase_at, channels, "
                                + "time_to_first_purchase_ms, customer_id) VALUES (?, ?, ?, ?, ?, ?)", columns);
        } else {
            jdbc.update("UPDATE journey_customer SET last_sequence = ?, first_at = ?, first_purchase_at = ?, "
                                + "channels = ?, time_to_first_purchase_ms = ? WHERE customer_id = ?", columns);
        }
        touchpoints.append(event.customerId(), touchpoint);
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
