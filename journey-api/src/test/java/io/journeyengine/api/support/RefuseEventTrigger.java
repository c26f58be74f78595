package io.journeyengine.api.support;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An H2 trigger on {@code domain_event_entry} that makes the database refuse to store events of one type for one
 * customer, a given number of times: a real failure of the journey's write (as a full disk would be), without
 * touching the engine's code. Install it with {@link #SQL_INSTALL}; say what to refuse with {@link #refuse}.
 */
public class RefuseEventTrigger implements Trigger {

    public static final String SQL_INSTALL = "CREATE TRIGGER refuse_events BEFORE INSERT ON domain_event_entry "
            + "FOR EACH ROW CALL \"" + RefuseEventTrigger.class.getName() + "\"";
    public static final String SQL_REMOVE = "DROP TRIGGER IF EXISTS refuse_events";

    /** Refusals left, by "customerId|eventType". */
    private static final Map<String, AtomicInteger> REFUSALS = new ConcurrentHashMap<>();

    /** Refuses the next {@code times} events of type {@code eventType} (simple name) of {@code customerId}. */
    public static void refuse(String customerId, String eventType, int times) {
        REFUSALS.put(customerId + "|" + eventType, new AtomicInteger(times));
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        String customer = null;
        String type = null;
        for (Object value : newRow) {
            if (value instanceof String text) {
                if (text.startsWith("io.journeyengine.")) {
                    type = text.substring(text.lastIndexOf('.') + 1);
                } else if (customer == null) {
                    customer = text;
                }
            }
        }
        AtomicInteger left = REFUSALS.get(customer + "|" + type);
        if (left != null && left.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
            throw new SQLException(type + " refused by the test's trigger", "23514");
        }
    }
}
