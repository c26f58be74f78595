package io.journeyengine.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The storage ceiling: plain JDBC inserts of event rows like the engine's (same table, same DDL, same columns, JSON
 * payloads of 300-600 bytes and metadata) into a fresh H2 file database in a temporary directory, or into a fresh,
 * empty database on the engine's PostgreSQL server (run.sh creates it and drops it afterwards). No Axon, no Spring,
 * no HTTP: what the database itself takes.
 */
final class StorageCeiling implements AutoCloseable {

    private static final String INSERT = "INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, "
            + "type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String[] EVENT_TYPES = {
            "io.journeyengine.journey.browsing.ProductViewed", "io.journeyengine.journey.cart.CartItemAdded",
            "io.journeyengine.journey.consent.ConsentChanged",
            "io.journeyengine.journey.conversation.ConversationStarted",
            "io.journeyengine.journey.identity.IdentityCaptured",
            "io.journeyengine.journey.lifecycle.LifecycleStageAdvanced"};
    private static final String FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
            + "tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation "
            + "ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in "
            + "voluptate velit esse cillum dolore eu fugiat nulla pariatur.";

    /** The H2 database's directory; null on PostgreSQL. */
    private final Path dir;
    private final String url;
    private final String user;
    private final String password;
    private final String run;
    private final int customers;
    private final long[] sequences;
    private final AtomicLong rowCounter = new AtomicLong();

    /**
     * Creates the event store DDL at {@code ddl} in a fresh H2 file database in a temporary directory, or, when
     * {@code url} is given, in that (empty) database.
     */
    StorageCeiling(Path ddl, String run, int customers, String url, String user, String password)
            throws IOException, SQLException {
        if (url == null || url.isBlank()) {
            this.dir = Files.createTempDirectory("journey-bench-h2-");
            // The engine's own URL options (application.yml), on a database of its own.
            this.url = "jdbc:h2:file:" + dir.resolve("journey") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
            this.user = "sa";
            this.password = "";
        } else {
            this.dir = null;
            this.url = url;
            this.user = user;
            this.password = password;
        }
        this.run = run;
        this.customers = customers;
        this.sequences = new long[customers];
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String statement : statements(Files.readString(ddl))) {
                s.execute(statement);
            }
        }
    }

    String url() {
        return url;
    }

    /** "PostgreSQL" or "H2", for the printed lines. */
    String database() {
        return dir == null ? "PostgreSQL" : "H2";
    }

    /** The statements of a migration file: comments dropped, split on semicolons. */
    static List<String> statements(String sql) {
        StringBuilder clean = new StringBuilder();
        for (String line : sql.split("\n")) {
            int comment = line.indexOf("--");
            clean.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String statement : clean.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.trim());
            }
        }
        return statements;
    }

    /** Rows of one phase. */
    record Result(long rows, long transactions, long elapsedNanos, long[] commitNanos, int commits) {
        double rowsPerSecond() {
            return rows / (elapsedNanos / 1e9);
        }

        double transactionsPerSecond() {
            return transactions / (elapsedNanos / 1e9);
        }

        double percentileMillis(double p) {
            return Stats.percentileMillis(commitNanos, commits, p);
        }
    }

    /**
     * One connection, {@code rowsPerCommit} rows per JDBC batch and transaction (what a batch request appends),
     * until {@code rows} rows or {@code maxTime}.
     */
    Result batchInsert(long rows, int rowsPerCommit, Duration maxTime) throws SQLException {
        int maxCommits = (int) Math.max(1, rows / rowsPerCommit);
        long[] commitNanos = new long[maxCommits];
        int commits = 0;
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            while (commits < maxCommits && System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                for (int i = 0; i < rowsPerCommit; i++) {
                    bind(insert, rowCounter.getAndIncrement());
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
                commitNanos[commits++] = System.nanoTime() - t0;
            }
        }
        long elapsed = System.nanoTime() - start;
        return new Result((long) commits * rowsPerCommit, commits, elapsed, commitNanos, commits);
    }

    /**
     * {@code threads} connections, each committing {@code rowsPerCommit} rows at a time (what one single touchpoint
     * appends), until {@code transactions} transactions or {@code maxTime}.
     */
    Result smallTransactions(int transactions, int rowsPerCommit, int threads, Duration maxTime)
            throws SQLException, InterruptedException {
        long[] commitNanos = new long[transactions];
        AtomicLong next = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<SQLException> errors = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(INSERT)) {
                    c.setAutoCommit(false);
                    long i;
                    while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < transactions) {
                        long t0 = System.nanoTime();
                        for (int r = 0; r < rowsPerCommit; r++) {
                            bind(insert, rowCounter.getAndIncrement());
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        c.commit();
                        commitNanos[(int) i] = System.nanoTime() - t0;
                    }
                } catch (SQLException e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            }, "bench-jdbc-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - start;
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        int done = (int) Math.min(next.get(), transactions);
        return new Result((long) done * rowsPerCommit, done, elapsed, commitNanos, done);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** One event row: customer {@code row % customers}, its next sequence number, a 300-600 byte payload. */
    private void bind(PreparedStatement insert, long row) throws SQLException {
        int customer = (int) (row % customers);
        long sequence;
        synchronized (sequences) {
            sequence = sequences[customer]++;
        }
        String aggregate = "bench-" + run + "-s" + customer;
        String touchpointId = "tp-" + run + "-s" + customer + "-" + sequence;
        String eventType = EVENT_TYPES[(int) (row % EVENT_TYPES.length)];
        Instant now = Instant.now();
        int fill = 60 + (int) ((row * 7919) % 300);
        String payload = "{\"customerId\":\"" + aggregate + "\",\"touchpoint\":{\"touchpointId\":\"" + touchpointId
                + "\",\"channel\":\"WEB\",\"occurredAt\":\"" + now + "\"},\"sku\":\"SKU-" + (10000 + row % 5000)
                + "\",\"quantity\":2,\"unitPrice\":\"19.99\",\"currency\":\"EUR\",\"note\":\""
                + FILLER.substring(0, Math.min(fill, FILLER.length())) + "\"}";
        String metaData = "{\"touchpointId\":\"" + touchpointId + "\",\"channel\":\"WEB\",\"receivedAt\":\"" + now
                + "\",\"correlationId\":\"" + UUID.randomUUID() + "\",\"traceId\":\"" + UUID.randomUUID() + "\"}";
        insert.setString(1, aggregate);
        insert.setLong(2, sequence);
        insert.setString(3, "CustomerJourney");
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, metaData.getBytes(StandardCharsets.UTF_8));
        insert.setBytes(6, payload.getBytes(StandardCharsets.UTF_8));
        insert.setString(7, null);
        insert.setString(8, eventType);
        insert.setString(9, now.toString());
    }

    /** Row count and average payload and metadata sizes of the rows written so far. */
    String describeRows() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*), AVG(CAST(OCTET_LENGTH(payload) AS DOUBLE PRECISION)), "
                                             + "AVG(CAST(OCTET_LENGTH(meta_data) AS DOUBLE PRECISION)) "
                                             + "FROM domain_event_entry")) {
            rs.next();
            return Stats.count(rs.getLong(1)) + " rows in the table, payload avg " + Math.round(rs.getDouble(2))
                    + " B, metadata avg " + Math.round(rs.getDouble(3)) + " B";
        }
    }

    @Override
    public void close() throws IOException {
        if (dir == null) {
            return; // run.sh drops the PostgreSQL database
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Deleting the files is all that matters.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
