package io.journeyengine.api.support;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An H2 trigger on {@code token_entry} that makes the database refuse to move the tokens of the views named in
 * {@link #refuse}: the view's batches cannot commit (as when its database connection breaks mid-batch), which is a
 * failure of the processor itself, not of one event, so nothing is parked and the processor goes into its error
 * state. Claims, claim extensions and releases (which leave the token as it is) still go through. On PostgreSQL the
 * same rule is a PL/pgSQL trigger reading the refused views from a table of the test's own.
 */
public class RefuseTokenTrigger implements Trigger {

    private static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

    public static void install(RunningEngine engine) {
        if (engine.onPostgres()) {
            engine.database().execute("CREATE TABLE IF NOT EXISTS test_refused_token_view "
                                              + "(processor_name VARCHAR(255) PRIMARY KEY)");
            engine.database().execute("CREATE OR REPLACE FUNCTION refuse_tokens() RETURNS trigger LANGUAGE plpgsql "
                                              + "AS $$ BEGIN IF NEW.token IS DISTINCT FROM OLD.token AND EXISTS "
                                              + "(SELECT 1 FROM test_refused_token_view r "
                                              + "WHERE r.processor_name = NEW.processor_name) THEN RAISE EXCEPTION "
                                              + "'token refused by the test''s trigger' USING ERRCODE = "
                                              + "'check_violation'; END IF; RETURN NEW; END $$");
            engine.database().execute("CREATE TRIGGER refuse_tokens BEFORE UPDATE ON token_entry FOR EACH ROW "
                                              + "EXECUTE FUNCTION refuse_tokens()");
        } else {
            engine.database().execute("CREATE TRIGGER refuse_tokens BEFORE UPDATE ON token_entry FOR EACH ROW CALL \""
                                              + RefuseTokenTrigger.class.getName() + "\"");
        }
    }

    public static void remove(RunningEngine engine) {
        engine.database().execute(engine.onPostgres() ? "DROP TRIGGER IF EXISTS refuse_tokens ON token_entry"
                                          : "DROP TRIGGER IF EXISTS refuse_tokens");
    }

    /** Refuses every move of the view's tokens until {@link #allow}. */
    public static void refuse(RunningEngine engine, String view) {
        REFUSED.add(view);
        if (engine.onPostgres()) {
            engine.database().update("INSERT INTO test_refused_token_view (processor_name) VALUES (?)", view);
        }
    }

    public static void allow(RunningEngine engine, String view) {
        REFUSED.remove(view);
        if (engine.onPostgres()) {
            engine.database().update("DELETE FROM test_refused_token_view WHERE processor_name = ?", view);
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        // Columns: processor_name, segment, token, token_type, timestamp, owner.
        if (REFUSED.contains((String) newRow[0]) && !Arrays.equals((byte[]) oldRow[2], (byte[]) newRow[2])) {
            throw new SQLException("token of " + newRow[0] + " refused by the test's trigger", "23514");
        }
    }
}
