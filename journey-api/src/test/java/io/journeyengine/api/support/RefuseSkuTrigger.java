package io.journeyengine.api.support;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An H2 trigger that makes the database itself refuse cart lines for the SKU {@code POISON}: a real failure of a
 * view's write (as a broken constraint or a full disk would be), without touching the engine's code.
 */
public class RefuseSkuTrigger implements Trigger {

    public static final String SKU = "POISON";

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        for (Object value : newRow) {
            if (SKU.equals(value)) {
                throw new SQLException("cart line refused by the test's trigger", "23514");
            }
        }
    }
}
