package io.journeyengine.views.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last event sequence a view applied per customer, in a table {@code (customer_id, last_sequence)}. Processors
 * deliver at least once; a handler that first claims its event's sequence does nothing for an event it has seen.
 * A customer is only ever handled by one segment, so the claim needs no lock beyond its own row.
 */
public final class SequenceMarks {

    private final JdbcTemplate jdbc;
    private final String table;

    public SequenceMarks(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** Moves the customer's mark to {@code sequence}; false when the event was applied before. */
    public boolean claim(String customerId, long sequence) {
        if (jdbc.update("UPDATE " + table + " SET last_sequence = ? WHERE customer_id = ? AND last_sequence < ?",
                        sequence, customerId, sequence) == 1) {
            return true;
        }
        return jdbc.update("INSERT INTO " + table + " (customer_id, last_sequence) SELECT ?, ? WHERE NOT EXISTS "
                                   + "(SELECT 1 FROM " + table + " WHERE customer_id = ?)",
                           customerId, sequence, customerId) == 1;
    }

    public void clear() {
        jdbc.update("DELETE FROM " + table);
    }
}
