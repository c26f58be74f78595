package io.journeyengine.api.support;

import org.h2.api.Trigger;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A trigger on {@code domain_event_entry} that makes the database refuse to store events of one type for one
 * customer, a given number of times: a real failure of the journey's write (as a full disk would be), without
 * touching the engine's code. Install it with {@link #install}; say what to refuse with {@link #refuse}.
 * <p>
 * On H2 it is this Java class, counting in memory. On PostgreSQL it is a PL/pgSQL function reading
 * {@code test_event_refusal}; it counts attempts with a sequence per refusal, because a sequence is not rolled back
 * with the transaction the refusal aborts (a counter in a table would be, and would refuse for ever).
 */
public class RefuseEventTrigger implements Trigger {

    /** Refusals left, by "customerId|eventType" (H2). */
    private static final Map<String, AtomicInteger> REFUSALS = new ConcurrentHashMap<>();

    public static void install(RunningEngine engine) {
        JdbcTemplate db = engine.database();
        if (engine.onPostgres()) {
            db.execute("CREATE TABLE IF NOT EXISTS test_event_refusal (customer_id VARCHAR(255) NOT NULL, "
                               + "event_type VARCHAR(255) NOT NULL, times BIGINT NOT NULL, "
                               + "attempts VARCHAR(100) NOT NULL, PRIMARY KEY (customer_id, event_type))");
            db.execute("CREATE OR REPLACE FUNCTION refuse_events() RETURNS trigger LANGUAGE plpgsql AS $$ "
                               + "DECLARE r RECORD; BEGIN "
                               + "SELECT * INTO r FROM test_event_refusal WHERE customer_id = NEW.aggregate_identifier "
                               + "AND event_type = substring(NEW.payload_type from '[^.]*$'); "
                               + "IF FOUND AND nextval(r.attempts::regclass) <= r.times THEN "
                               + "RAISE EXCEPTION '% refused by the test''s trigger', r.event_type "
                               + "USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$");
            db.execute("CREATE TRIGGER refuse_events BEFORE INSERT ON domain_event_entry "
                               + "FOR EACH ROW EXECUTE FUNCTION refuse_events()");
        } else {
            db.execute("CREATE TRIGGER refuse_events BEFORE INSERT ON domain_event_entry FOR EACH ROW CALL \""
                               + RefuseEventTrigger.class.getName() + "\"");
        }
    }

    public static void remove(RunningEngine engine) {
        engine.database().execute(engine.onPostgres() ? "DROP TRIGGER IF EXISTS refuse_events ON domain_event_entry"
                                          : "DROP TRIGGER IF EXISTS refuse_events");
    }

    /** Refuses the next {@code times} events of type {@code eventType} (simple name) of {@code customerId}. */
    public static void refuse(RunningEngine engine, String customerId, String eventType, int times) {
        if (engine.onPostgres()) {
            String attempts = "test_refusal_" + Math.abs((long) (customerId + "|" + eventType).hashCode());
            engine.database().execute("DROP SEQUENCE IF EXISTS " + attempts);
            engine.database().execute("CREATE SEQUENCE " + attempts);
            engine.database().update("DELETE FROM test_event_refusal WHERE customer_id = ? AND event_type = ?",
                                     customerId, eventType);
            engine.database().update("INSERT INTO test_event_refusal (customer_id, event_type, times, attempts) "
                                             + "VALUES (?, ?, ?, ?)", customerId, eventType, times, attempts);
        } else {
            REFUSALS.put(customerId + "|" + eventType, new AtomicInteger(times));
        }
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
