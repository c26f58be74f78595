package io.journeyengine.api.support;

import org.h2.api.Trigger;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A trigger that makes the database itself refuse cart lines for the SKU {@code POISON}: a real failure of a view's
 * write (as a broken constraint or a full disk would be), without touching the engine's code. On H2 it is this Java
 * class; on PostgreSQL a PL/pgSQL function raising the same {@code check_violation}.
 */
public class RefuseSkuTrigger implements Trigger {

    public static final String SKU = "POISON";

    public static void install(RunningEngine engine) {
        JdbcTemplate db = engine.database();
        if (engine.onPostgres()) {
            db.execute("CREATE OR REPLACE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                               + "IF NEW.sku = '" + SKU + "' THEN RAISE EXCEPTION "
                               + "'cart line refused by the test''s trigger' USING ERRCODE = 'check_violation'; "
                               + "END IF; RETURN NEW; END $$");
            db.execute("CREATE TRIGGER refuse_poison BEFORE INSERT ON cart_view_line "
                               + "FOR EACH ROW EXECUTE FUNCTION refuse_poison()");
        } else {
            db.execute("CREATE TRIGGER refuse_poison BEFORE INSERT ON cart_view_line FOR EACH ROW CALL \""
                               + RefuseSkuTrigger.class.getName() + "\"");
        }
    }

    public static void remove(RunningEngine engine) {
        engine.database().execute(engine.onPostgres() ? "DROP TRIGGER IF EXISTS refuse_poison ON cart_view_line"
                                          : "DROP TRIGGER IF EXISTS refuse_poison");
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        for (Object value : newRow) {
            if (SKU.equals(value)) {
                throw new SQLException("cart line refused by the test's trigger", "23514");
            }
        }
    }
}
