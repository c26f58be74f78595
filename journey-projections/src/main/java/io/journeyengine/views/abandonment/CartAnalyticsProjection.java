package io.journeyengine.views.abandonment;

import io.journeyengine.journey.JourneyStarted;
import io.journeyengine.views.support.Counters;
import io.journeyengine.views.support.SequenceMarks;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

import static io.journeyengine.views.abandonment.CartAnalytics.STATS;

/**
 * Abandoned-cart analytics. The engine does not produce abandonment yet (issue 7 adds an abandonment event, a
 * reminder event and a recovery event); until then the figures are 0. What the handlers of those events will do,
 * each after claiming the event's sequence in {@code cart_analytics_customer}:
 * <ul>
 *   <li>abandonment: a row {@code ABANDONED} in {@code cart_analytics_event} at the event's {@code occurredAt}, and
 *       +1 in {@code cart_analytics_stats} for ({@code ABANDONED}, the event's channel);</li>
 *   <li>reminder: the same with {@code REMINDED} and the channel the reminder was sent on;</li>
 *   <li>recovery: the same with {@code RECOVERED} and the channel of the recovering checkout.</li>
 * </ul>
 * Unfiltered answers sum {@code cart_analytics_stats}; a time range counts the rows of {@code cart_analytics_event}
 * whose own time is in it.
 * <p>
 * {@link JourneyStarted} starts each customer's sequence mark; it is also what makes this a running processor
 * today (with a token, a reset and a lag), before any abandonment event exists. One segment
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
