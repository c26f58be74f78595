package io.journeyengine.api.config;

import io.journeyengine.api.support.RunningEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static io.journeyengine.api.config.AxonStorageConfiguration.EVENT_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views' read of the event store with gaps returns exactly what Axon's own statement returns, in the same
 * order, on the engine's real table (the Flyway DDL on an H2 file database, or on a fresh PostgreSQL database with
 * {@code -Djourney.test.database=postgres}: the statement serves both): only the query plan differs.
 */
class GapReadsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheSameEventsAsAxonsStatementForAnyTokenAndGaps() throws Exception {
        boolean postgres = RunningEngine.postgresRequested();
        try (Connection db = postgres
                ? DriverManager.getConnection(RunningEngine.freshPostgresDatabase(), RunningEngine.postgresUser(), "")
                : DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("events") + ";MODE=LEGACY", "sa", "")) {
            db.createStatement().execute(Files.readString(Path.of(
                    "src/main/resources/db/migration/" + (postgres ? "postgresql" : "h2") + "/V1__event_store.sql")));
            Random random = new Random(11);
            // Positions 1..3000 with holes: rolled-back or not yet committed events.
            TreeSet<Long> stored = new TreeSet<>();
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                            + "event_identifier, payload, payload_type, time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long position = 1; position <= 3_000; position++) {
                    if (random.nextInt(10) == 0) {
                        continue;
                    }
                    stored.add(position);
                    insert.setLong(1, position);
                    insert.setString(2, "cust-" + position);
                    insert.setLong(3, 0);
                    insert.setString(4, "CustomerJourney");
                    insert.setString(5, "event-" + position);
                    insert.setBytes(6, new byte[]{1});
                    insert.setString(7, "Payload");
                    insert.setString(8, "2026-11-26T00:00:00Z");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            for (int round = 0; round < 200; round++) {
                long index = 1 + random.nextInt(3_000);
                List<Long> gaps = new ArrayList<>();
                for (long gap = Math.max(1, index - 300); gap < index; gap++) {
                    if (random.nextInt(8) == 0) {
                        gaps.add(gap);
                    }
                }
                if (gaps.isEmpty()) {
                    continue; // Axon reads without gaps then, by another statement.
                }
                int batchSize = 1 + random.nextInt(100);
                List<Long> expected = positions(JdbcEventStorageEngineStatements.readEventDataWithGaps(
                        db, EVENT_SCHEMA, index, batchSize, gaps));
                List<Long> actual = positions(GapReads.readEventDataWithGaps(db, EVENT_SCHEMA, index, batchSize,
                                                                             gaps));
                assertThat(actual).as("token %d, batch %d, gaps %s", index, batchSize, gaps)
                                  .isEqualTo(expected)
                                  .isSorted();
                // And the answer is not trivially empty: the stored gaps and the range are found.
                assertThat(actual).containsAll(gaps.stream().filter(stored::contains).toList());
            }
        }
    }

    private static List<Long> positions(PreparedStatement statement) throws SQLException {
        List<Long> positions = new ArrayList<>();
        try (statement; ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                positions.add(rows.getLong("global_index"));
            }
        }
        return positions;
    }
}
