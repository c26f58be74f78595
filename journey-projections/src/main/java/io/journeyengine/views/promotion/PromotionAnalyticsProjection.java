package io.journeyengine.views.promotion;

import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileUnmerged;
import io.journeyengine.journey.order.Order;
import io.journeyengine.journey.promotion.PromoCodeExpired;

import io.journeyengine.journey.promotion.PromoCodeRedeemed;
import io.journeyengine.journey.promotion.PromoCodeReinstated;
import io.journeyengine.journey.promotion.PromoCodeSent;
import io.journeyengine.views.support.Counters;
import io.journeyengine.views.support.SequenceMarks;
import io.journeyengine.views.support.SnapshotReads;
import io.journeyengine.views.support.TimeRange;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

import static io.journeyengine.views.promotion.PromotionAnalytics.STATS;

/**
 * Promotion analytics: every send ({@code promotion_send}) and every current redemption
 * ({@code promotion_redemption}) with its time and channels, and their counts per promotion and channel
 * ({@code promotion_stats}). {@code redeemed} is the current state: a {@link PromoCodeReinstated} (a full return
 * gave the code back) removes the redemption of that order, and a code redeemed again counts again. A
 * {@link PromoCodeExpired} adds the code to {@code promotion_expiry} and to {@code expired}; a redemption of that code
 * (a purchase in time, reported after the expiry) takes it out again.
 * <p>
 * One segment ({@code initial-segment-count: 1} in application.yml): promotion events are a small share of the
 * traffic, and a promotion's counter rows are created by its first send — with one segment no two transactions
 * ever race to create the same row. Idempotent by the customer's last applied sequence ({@code promotion_customer}).
 * <p>
 * A merge changes no figure: a code is issued and redeemed where it was. The redemptions of the orders a merge moves
 * follow them to the survivor, so that a later return on the survivor finds its redemption; with one segment, the
 * merged profile's rows are always written before the survivor's merge event is handled.
 */
@Component
@ProcessingGroup(PromotionAnalyticsProjection.GROUP)
public class PromotionAnalyticsProjection {

    public static final String GROUP = "promotion-analytics";

    private final JdbcTemplate jdbc;
    private final SequenceMarks marks;
    private final SnapshotReads snapshots;

    public PromotionAnalyticsProjection(JdbcTemplate jdbc, SnapshotReads snapshots) {
        this.jdbc = jdbc;
        this.marks = new SequenceMarks(jdbc, "promotion_customer");
        this.snapshots = snapshots;
    }

    @EventHandler
    void on(PromoCodeSent event, @SequenceNumber long sequence) {
        if (!marks.claim(event.customerId(), sequence)) {
            return;
        }
        String channel = event.touchpoint().channel().name();
        jdbc.update("INSERT INTO promotion_send (customer_id, code, promotion_id, channel, occurred_at) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    event.customerId(), event.code(), event.promotionId(), channel,
                    TimeRange.utc(event.touchpoint().occurredAt()));
        Counters.ofCurrentBatch(jdbc, GROUP).add(STATS, List.of(event.promotionId(), channel), "issued", 1);
    }

    @EventHandler
    void on(PromoCodeRedeemed event, @SequenceNumber long sequence) {
        if (!marks.claim(event.customerId(), sequence)) {
            return;
        }
        String channel = event.touchpoint().channel().name();
        jdbc.update("INSERT INTO promotion_redemption (customer_id, order_id, promotion_id, channel, sent_via, "
                            + "occurred_at) VALUES (?, ?, ?, ?, ?, ?)",
                    event.customerId(), event.orderId(), event.promotionId(), channel, event.sentVia().name(),
                    TimeRange.utc(event.touchpoint().occurredAt()));
        count(event.promotionId(), channel, event.sentVia().name(), 1);
        unexpire(event.customerId(), event.code());
    }

    @EventHandler
    void on(PromoCodeExpired event, @SequenceNumber long sequence) {
        if (!marks.claim(event.customerId(), sequence)) {
            return;
        }
        jdbc.update("INSERT INTO promotion_expiry (customer_id, code, promotion_id, channel, expired_at) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    event.customerId(), event.code(), event.promotionId(), event.sentVia().name(),
                    TimeRange.utc(event.expiresAt()));
        Counters.ofCurrentBatch(jdbc, GROUP).add(STATS, List.of(event.promotionId(), event.sentVia().name()),
                                                 "expired", 1);
    }

    private void unexpire(String customerId, String code) {
        record Expiry(String promotionId, String channel) {
        }
        List<Expiry> expiries = jdbc.query(
                "SELECT promotion_id, channel FROM promotion_expiry WHERE customer_id = ? AND code = ?",
                (rs, n) -> new Expiry(rs.getString(1), rs.getString(2)), customerId, code);
        jdbc.update("DELETE FROM promotion_expiry WHERE customer_id = ? AND code = ?", customerId, code);
        expiries.forEach(e -> Counters.ofCurrentBatch(jdbc, GROUP)
                                      .add(STATS, List.of(e.promotionId(), e.channel()), "expired", -1));
    }

    @EventHandler
    void on(PromoCodeReinstated event, @SequenceNumber long sequence) {
        if (!marks.claim(event.customerId(), sequence)) {
            return;
        }
        record Redemption(String channel, String sentVia) {
        }
        List<Redemption> redemptions = jdbc.query(
                "SELECT channel, sent_via FROM promotion_redemption WHERE customer_id = ? AND order_id = ?",
                (rs, n) -> new Redemption(rs.getString(1), rs.getString(2)), event.customerId(), event.orderId());
        jdbc.update("DELETE FROM promotion_redemption WHERE customer_id = ? AND order_id = ?",
                    event.customerId(), event.orderId());
        redemptions.forEach(r -> count(event.promotionId(), r.channel(), r.sentVia(), -1));
    }

    @EventHandler
    void on(ProfileMerged event, @SequenceNumber long sequence) {
        if (marks.claim(event.customerId(), sequence)) {
            moveRedemptions(event.profile().orders(), event.mergedCustomerId(), event.customerId());
        }
    }

    @EventHandler
    void on(ProfileUnmerged event, @SequenceNumber long sequence) {
        if (marks.claim(event.customerId(), sequence)) {
            moveRedemptions(event.returned().orders(), event.customerId(), event.mergedCustomerId());
        }
    }

    private void moveRedemptions(List<Order> orders, String from, String to) {
        for (Order order : orders) {
            jdbc.update("UPDATE promotion_redemption SET customer_id = ? WHERE customer_id = ? AND order_id = ?",
                        to, from, order.orderId());
        }
    }

    private void count(String promotionId, String channel, String sentVia, int redemptions) {
        Counters changes = Counters.ofCurrentBatch(jdbc, GROUP);
        List<String> key = List.of(promotionId, channel);
        changes.add(STATS, key, "redeemed", redemptions);
        changes.add(STATS, key, "cross_channel_redemptions", channel.equals(sentVia) ? 0 : redemptions);
    }

    @ResetHandler
    void reset() {
        marks.clear();
        jdbc.update("DELETE FROM promotion_send");
        jdbc.update("DELETE FROM promotion_redemption");
        jdbc.update("DELETE FROM promotion_expiry");
        jdbc.update("DELETE FROM promotion_stats");
    }

    @QueryHandler
    Optional<PromotionAnalytics> handle(FindPromotionAnalytics query) {
        String id = query.promotionId();
        return snapshots.read(() -> {
            Counters figures = Counters.read(jdbc, STATS, " AND promotion_id = ?", id);
            if (figures.keys(STATS).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(PromotionAnalytics.from(id, query.range().isAll() ? figures
                    : inRange(id, query.range())));
        });
    }

    /**
     * Every promotion's figures from one snapshot, so that the list adds up like its single answers would at one
     * moment. Without a range: one read of the counter rows, split per promotion.
     */
    @QueryHandler
    PromotionList handle(FindPromotions query) {
        return snapshots.read(() -> {
            Counters all = Counters.read(jdbc, STATS, "");
            Map<String, Counters> byPromotion = new TreeMap<>();
            for (List<String> key : all.keys(STATS)) {
                Counters mine = byPromotion.computeIfAbsent(key.get(0), id -> new Counters());
                for (String counter : STATS.counters()) {
                    mine.add(STATS, key, counter, all.get(STATS, key, counter));
                }
            }
            List<PromotionAnalytics> promotions = new ArrayList<>(byPromotion.size());
            byPromotion.forEach((id, figures) -> promotions.add(PromotionAnalytics.from(
                    id, query.range().isAll() ? figures : inRange(id, query.range()))));
            return new PromotionList(promotions);
        });
    }

    /** Sends by their own time, redemptions by their purchase's, expiries by theirs, from the rows in the range. */
    private Counters inRange(String promotionId, TimeRange range) {
        Counters figures = new Counters();
        List<Object> arguments = new ArrayList<>(List.of(promotionId));
        arguments.addAll(range.arguments());
        jdbc.query("SELECT channel, COUNT(*) FROM promotion_send WHERE promotion_id = ?"
                           + range.condition("occurred_at") + " GROUP BY channel",
                   rs -> {
                       figures.add(STATS, List.of(promotionId, rs.getString(1)), "issued", rs.getLong(2));
                   }, arguments.toArray());
        jdbc.query("SELECT channel, COUNT(*), SUM(CASE WHEN channel <> sent_via THEN 1 ELSE 0 END) "
                           + "FROM promotion_redemption WHERE promotion_id = ?" + range.condition("occurred_at")
                           + " GROUP BY channel",
                   rs -> {
                       List<String> key = List.of(promotionId, rs.getString(1));
                       figures.add(STATS, key, "redeemed", rs.getLong(2));
                       figures.add(STATS, key, "cross_channel_redemptions", rs.getLong(3));
                   }, arguments.toArray());
        jdbc.query("SELECT channel, COUNT(*) FROM promotion_expiry WHERE promotion_id = ?"
                           + range.condition("expired_at") + " GROUP BY channel",
                   rs -> {
                       figures.add(STATS, List.of(promotionId, rs.getString(1)), "expired", rs.getLong(2));
                   }, arguments.toArray());
        return figures;
    }
}
