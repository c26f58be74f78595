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
 * <p>
 * Merges: a survivor holds copies of the touchpoints of each profile merged into it ({@code merged_from} set), under
 * negative sequence numbers ({@link #copySequence}) so they never pass for a later event of the survivor; a
 * merged-away profile's own rows are marked ({@code merged_into}) and left out of the customers of a range.
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

    /**
     * The sequence number of the {@code position}-th touchpoint copied by the merge applied at the survivor's
     * {@code mergeSequence}: negative (below every real event), unique, and ordered by merge, then by the merged
     * profile's own order, so that journey order stays a total order.
     */
    public static long copySequence(long mergeSequence, int position) {
        return -1_000_000_000_000_000L + mergeSequence * 1_000_000L + position;
    }

    /** Copies the merged profile's touchpoints under the survivor; the rows carry their copy sequence numbers. */
    public void appendCopies(String survivorId, String mergedFrom, List<TouchpointRow> rows) {
        for (TouchpointRow row : rows) {
            jdbc.update("INSERT INTO " + table + " (customer_id, sequence_number, occurred_at, channel, purchase, "
                                + "merged_from) VALUES (?, ?, ?, ?, ?, ?)",
                        survivorId, row.sequence(), TimeRange.utc(row.occurredAt()), row.channel().name(),
                        row.purchase(), mergedFrom);
        }
    }

    public boolean hasCopies(String survivorId, String mergedFrom) {
        return !jdbc.queryForList("SELECT 1 FROM " + table + " WHERE customer_id = ? AND merged_from = ? FETCH FIRST "
                                          + "1 ROWS ONLY", Integer.class, survivorId, mergedFrom).isEmpty();
    }

    /** @return how many copies there were */
    public int removeCopies(String survivorId, String mergedFrom) {
        return jdbc.update("DELETE FROM " + table + " WHERE customer_id = ? AND merged_from = ?", survivorId,
                           mergedFrom);
    }

    /** Marks a merged-away profile's rows; answers how many were not marked yet (0: done before). */
    public int markMergedInto(String customerId, String survivorId) {
        return jdbc.update("UPDATE " + table + " SET merged_into = ? WHERE customer_id = ? AND merged_into IS NULL",
                           survivorId, customerId);
    }

    /** A restored profile's rows count for it again; answers how many were marked. */
    public int unmark(String customerId) {
        return jdbc.update("UPDATE " + table + " SET merged_into = NULL WHERE customer_id = ? AND merged_into IS NOT "
                                   + "NULL", customerId);
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
                           // A merged-away profile is not a customer; its touchpoints are counted as copies under
                           // its survivor.
                           + " WHERE merged_into IS NULL" + range.condition("occurred_at")
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
