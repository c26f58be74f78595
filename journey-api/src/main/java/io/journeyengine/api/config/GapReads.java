package io.journeyengine.api.config;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * How the views read the event store when their token has gaps (global positions that were not committed when the
 * token passed them: a concurrent transaction still open, or one rolled back). Axon's default statement is
 * {@code WHERE (global_index > ? AND global_index <= ?) OR global_index IN (gaps...)}; H2 cannot use the primary key
 * for that {@code OR} and reads the whole table on every fetch — about a second per fetch at 500,000 events, for
 * every view, whenever any gap is open, which is nearly always while channels write concurrently. The same rows are
 * read here as two index lookups joined by {@code UNION ALL}: the range after the token, and the gaps (which all
 * lie before the token's index, so no row is read twice). PostgreSQL plans both forms well; the union costs it
 * nothing.
 */
final class GapReads {

    private GapReads() {
    }

    /** Same rows and order as Axon's {@code JdbcEventStorageEngineStatements#readEventDataWithGaps}. */
    static PreparedStatement readEventDataWithGaps(Connection connection, EventSchema schema, long globalIndex,
                                                   int batchSize, List<Long> gaps) throws SQLException {
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        String sql = select + schema.globalIndexColumn() + " > ? AND " + schema.globalIndexColumn() + " <= ?"
                + " UNION ALL " + select + schema.globalIndexColumn() + " IN ("
                + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")"
                + " ORDER BY " + schema.globalIndexColumn() + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }
}
