package io.journeyengine.views.abandonment;

import io.journeyengine.journey.Channel;
import io.journeyengine.views.support.CounterTable;
import io.journeyengine.views.support.Counters;
import io.journeyengine.views.support.Rates;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/analytics/carts}: carts abandoned, reminders sent, carts recovered,
 * {@code recovered / abandoned} (4 decimals, null without abandoned carts) and recoveries per channel of the
 * recovering checkout (non-zero entries, in {@link Channel} order).
 */
public record CartAnalytics(long abandoned, long reminded, long recovered, BigDecimal recoveryRate,
                            Map<Channel, Long> recoveredByChannel) {

    /** Events per outcome and channel (the channel of the event's touchpoint). */
    static final CounterTable STATS = new CounterTable("cart_analytics_stats", List.of("kind", "channel"),
            List.of("events"));

    static CartAnalytics from(Counters figures) {
        long abandoned = count(figures, CartOutcome.ABANDONED);
        long recovered = count(figures, CartOutcome.RECOVERED);
        Map<Channel, Long> recoveredByChannel = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            long n = figures.get(STATS, List.of(CartOutcome.RECOVERED.name(), channel.name()), "events");
            if (n != 0) {
                recoveredByChannel.put(channel, n);
            }
        }
        return new CartAnalytics(abandoned, count(figures, CartOutcome.REMINDED), recovered,
                                 Rates.rate(recovered, abandoned), recoveredByChannel);
    }

    private static long count(Counters figures, CartOutcome outcome) {
        return figures.keys(STATS).stream().filter(key -> key.get(0).equals(outcome.name()))
                      .mapToLong(key -> figures.get(STATS, key, "events")).sum();
    }
}
