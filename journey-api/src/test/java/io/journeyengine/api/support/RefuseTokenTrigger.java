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
 * state. Claims, claim extensions and releases (which leave the token as it is) still go through. Install it with
 * {@link #SQL_INSTALL}.
 */
public class RefuseTokenTrigger implements Trigger {

    public static final String SQL_INSTALL = "CREATE TRIGGER refuse_tokens BEFORE UPDATE ON token_entry "
            + "FOR EACH ROW CALL \"" + RefuseTokenTrigger.class.getName() + "\"";
    public static final String SQL_REMOVE = "DROP TRIGGER IF EXISTS refuse_tokens";

    private static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

    /** Refuses every move of the view's tokens until {@link #allow}. */
    public static void refuse(String view) {
        REFUSED.add(view);
    }

    public static void allow(String view) {
        REFUSED.remove(view);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        // Columns: processor_name, segment, token, token_type, timestamp, owner.
        if (REFUSED.contains((String) newRow[0]) && !Arrays.equals((byte[]) oldRow[2], (byte[]) newRow[2])) {
            throw new SQLException("token of " + newRow[0] + " refused by the test's trigger", "23514");
        }
    }
}
