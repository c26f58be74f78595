package io.journeyengine.api.support;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Says at the end of the run which database the integration tests ran on, so that a green build on H2 is never
 * taken for a green build on PostgreSQL (the production store). Registered in
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public class DatabaseReport implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (testPlan.containsTests()) {
            System.out.println(System.lineSeparator() + "==== " + line() + System.lineSeparator());
        }
    }

    static String line() {
        if (!RunningEngine.postgresRequested()) {
            return "PostgreSQL suite NOT run: these integration tests ran on the embedded H2 only; "
                    + "run .ci/run or add -Djourney.test.database=postgres";
        }
        return "PostgreSQL suite run on " + RunningEngine.postgresServer() + " (" + serverVersion() + ", user "
                + RunningEngine.postgresUser() + "), a fresh database per engine";
    }

    private static String serverVersion() {
        try (Connection admin = DriverManager.getConnection(RunningEngine.postgresServer() + "postgres",
                                                            RunningEngine.postgresUser(), "");
             ResultSet version = admin.createStatement().executeQuery("SHOW server_version")) {
            return version.next() ? "PostgreSQL " + version.getString(1) : "version unknown";
        } catch (SQLException e) {
            return "unreachable at the end of the run: " + e.getMessage();
        }
    }
}
