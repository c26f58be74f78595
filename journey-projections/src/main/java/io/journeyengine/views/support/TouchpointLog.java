package io.journeyengine.views.support;

import io.journeyengine.journey.Channel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A view's own copy of every applied touchpoint ({@link TouchpointRow}) in a table with the columns
 * {@code customer_id, sequence_number, occurred_at, channel, purchase}: it lets a handler recompute one customer
 * when a late touchpoint changes its order, and a time-range question be answered from the touchpoints in range.
 * Each view keeps its own table so it can be rebuilt alone.
 */
public final class TouchpointLog {

    private final JdbcTemplate jdbc;
    private final String table;

    public TouchpointLog(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** The customer's touchpoints in journey order. */
    public List<TouchpointRow> ofCustomer(String customerId) {
        List<TouchpointRow> rows = jdbc.query("SELECT sequence_number, occurred_at, channel, purchase FROM " + table
                                                      + " WHERE customer_id = ?", (rs, n) -> row(rs), customerId);
        rows.sort(TouchpointRow.JOURNEY_ORDER);
        return rows;
    }

    public void append(String customerId, TouchpointRow row) {
        jdbc.update("INSERT INTO " + table + " (customer_id, sequence_number, occurred_at, channel, purchase) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    customerId, row.sequence(), TimeRange.utc(row.occurredAt()), row.channel().name(),
                    row.purchase());
    }

    /**
     * Hands each customer with touchpoints in {@code range} to {@code customer}, with those touchpoints only, in
     * journey order; customers come one at a time, so memory holds one customer's rows, not the range's.
     */
    public void forEachCustomer(TimeRange range, BiConsumer<String, List<TouchpointRow>> customer) {
        ByCustomer grouping = new ByCustomer(customer);
        jdbc.query("SELECT sequence_number, occurred_at, channel, purchase, customer_id FROM " + table
                           + " WHERE 1 = 1" + range.condition("occurred_at")
                           // The primary key's order: no sort of the whole range; each customer is sorted alone.
                           + " ORDER BY customer_id, sequence_number",
                   grouping, range.arguments().toArray());
        grouping.flush();
    }

    /** Collects consecutive rows of one customer (the query is ordered by customer). */
    private static final class ByCustomer implements RowCallbackHandler {
        private final BiConsumer<String, List<TouchpointRow>> customer;
        private final List<TouchpointRow> rows = new ArrayList<>();
        private String current;

        ByCustomer(BiConsumer<String, List<TouchpointRow>> customer) {
            this.customer = customer;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            String customerId = rs.getString(5);
            if (!customerId.equals(current)) {
                flush();
                current = customerId;
            }
            rows.add(row(rs));
        }

        void flush() {
            if (current != null) {
                rows.sort(TouchpointRow.JOURNEY_ORDER);
                customer.accept(current, List.copyOf(rows));
            }
            rows.clear();
        }
    }

    public void clear() {
        jdbc.update("DELETE FROM " + table);
    }

    private static TouchpointRow row(ResultSet rs) throws SQLException {
        return new TouchpointRow(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                                 Channel.valueOf(rs.getString(3)), rs.getBoolean(4));
    }
}
