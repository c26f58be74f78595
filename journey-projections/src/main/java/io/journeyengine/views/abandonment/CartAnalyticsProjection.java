package io.journeyengine.views.abandonment;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.JourneyStarted;
import io.journeyengine.journey.cart.AbandonedCartRecovered;
import io.journeyengine.journey.cart.CartAbandoned;
import io.journeyengine.journey.cart.CartReminderSent;
import io.journeyengine.views.support.Counters;
import io.journeyengine.views.support.SequenceMarks;
import io.journeyengine.views.support.TimeRange;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static io.journeyengine.views.abandonment.CartAnalytics.STATS;

/**
 * Abandoned-cart analytics. Each handler first claims the event's sequence in {@code cart_analytics_customer}, then:
 * <ul>
 *   <li>{@link CartAbandoned}: a row {@code ABANDONED} in {@code cart_analytics_event} at {@code abandonedAt}, and
 *       +1 in {@code cart_analytics_stats} for ({@code ABANDONED}, the channel of the cart's last activity);</li>
 *   <li>{@link CartReminderSent}: the same with {@code REMINDED}, at the reminder's time, on its channel;</li>
 *   <li>{@link AbandonedCartRecovered}: the same with {@code RECOVERED}, at the checkout's time, on its channel.</li>
 * </ul>
 * Unfiltered answers sum {@code cart_analytics_stats}; a time range counts the rows of {@code cart_analytics_event}
 * whose own time is in it.
 * <p>
 * {@link JourneyStarted} starts each customer's sequence mark. One segment
 * ({@code initial-segment-count: 1}): the stats rows are created by the first event of their kind and channel, and
 * with one segment no two transactions race to create the same row.
 */
@Component
@ProcessingGroup(CartAnalyticsProjection.GROUP)
public class CartAnalyticsProjection {

    public static final String GROUP = "cart-analytics";

    private final JdbcTemplate jdbc;
    private final SequenceMarks marks;

    public CartAnalyticsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.marks = new SequenceMarks(jdbc, "cart_analytics_customer");
    }

    @EventHandler
    void on(JourneyStarted event, @SequenceNumber long sequence) {
        marks.claim(event.customerId(), sequence);
    }

    @EventHandler
    void on(CartAbandoned event, @SequenceNumber long sequence) {
        record(event.customerId(), sequence, CartOutcome.ABANDONED, event.lastChannel(), event.abandonedAt());
    }

    @EventHandler
    void on(CartReminderSent event, @SequenceNumber long sequence) {
        record(event.customerId(), sequence, CartOutcome.REMINDED, event.touchpoint().channel(),
               event.touchpoint().occurredAt());
    }

    @EventHandler
    void on(AbandonedCartRecovered event, @SequenceNumber long sequence) {
        record(event.customerId(), sequence, CartOutcome.RECOVERED, event.touchpoint().channel(),
               event.touchpoint().occurredAt());
    }

    private void record(String customerId, long sequence, CartOutcome outcome, Channel channel, Instant at) {
        if (!marks.claim(customerId, sequence)) {
            return;
        }
        jdbc.update("INSERT INTO cart_analytics_event (customer_id, sequence_number, kind, channel, occurred_at) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    customerId, sequence, outcome.name(), channel.name(), TimeRange.utc(at));
        Counters.ofCurrentBatch(jdbc, GROUP).add(STATS, List.of(outcome.name(), channel.name()), "events", 1);
    }

    @ResetHandler
    void reset() {
        marks.clear();
        jdbc.update("DELETE FROM cart_analytics_event");
        jdbc.update("DELETE FROM cart_analytics_stats");
    }

    @QueryHandler
    CartAnalytics handle(FindCartAnalytics query) {
        if (query.range().isAll()) {
            return CartAnalytics.from(Counters.read(jdbc, STATS, ""));
        }
        Counters figures = new Counters();
        jdbc.query("SELECT kind, channel, COUNT(*) FROM cart_analytics_event WHERE 1 = 1"
                           + query.range().condition("occurred_at") + " GROUP BY kind, channel",
                   rs -> {
                       figures.add(STATS, List.of(rs.getString(1), rs.getString(2)), "events",
                                   rs.getLong(3));
                   }, query.range().arguments().toArray());
        return CartAnalytics.from(figures);
    }
}
