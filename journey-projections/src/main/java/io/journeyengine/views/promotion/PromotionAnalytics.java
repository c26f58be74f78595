package io.journeyengine.views.promotion;

import io.journeyengine.journey.Channel;
import io.journeyengine.views.support.CounterTable;
import io.journeyengine.views.support.Counters;
import io.journeyengine.views.support.Rates;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/analytics/promotions/{promotionId}}: codes issued per sending channel, codes
 * redeemed (and not given back by a full return) per channel of the purchase, how many of those were redeemed on
 * another channel than the one they were sent on, and {@code redeemed / issued} (4 decimals, null without issues);
 * {@code expired}: codes that reached their expiry unused (a purchase reported later that used one in time takes it
 * back). The maps list only channels with a non-zero count, in {@link Channel} order.
 */
public record PromotionAnalytics(String promotionId, long issued, long redeemed, BigDecimal redemptionRate,
                                 long crossChannelRedemptions, long expired, Map<Channel, Long> issuedByChannel,
                                 Map<Channel, Long> redeemedByChannel) {

    /**
     * Per promotion and channel: sends from that channel; redemptions, and cross-channel ones, at it; expiries of
     * codes sent from it.
     */
    static final CounterTable STATS = new CounterTable("promotion_stats", List.of("promotion_id", "channel"),
            List.of("issued", "redeemed", "cross_channel_redemptions", "expired"));

    static PromotionAnalytics from(String promotionId, Counters figures) {
        Map<Channel, Long> issued = byChannel(promotionId, figures, "issued");
        Map<Channel, Long> redeemed = byChannel(promotionId, figures, "redeemed");
        long issuedTotal = sum(issued);
        long redeemedTotal = sum(redeemed);
        return new PromotionAnalytics(promotionId, issuedTotal, redeemedTotal, Rates.rate(redeemedTotal, issuedTotal),
                                      figures.total(STATS, "cross_channel_redemptions"),
                                      figures.total(STATS, "expired"), issued, redeemed);
    }

    private static Map<Channel, Long> byChannel(String promotionId, Counters figures, String counter) {
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            long n = figures.get(STATS, List.of(promotionId, channel.name()), counter);
            if (n != 0) {
                counts.put(channel, n);
            }
        }
        return counts;
    }

    private static long sum(Map<Channel, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
