package io.journeyengine.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Fills a stopped engine's database (its H2 file, or its PostgreSQL database) with a million journey events, fast, for the replay benchmark, and measures the
 * storage ceiling of a replay: how fast plain JDBC reads the event table.
 * <p>
 * How the events are made: rows written with plain JDBC in the engine's own format, as the engine would have
 * written them (Jackson JSON of the event records, revision "1", the metadata ingestion gives them), for customers
 * whose streams are valid journeys: started, browsing, filling and partly emptying a cart, checking out, with the
 * lifecycle advances their touchpoints cause. Customers are interleaved in waves, as live traffic would store them.
 * Every processor's token is then set to the end of the store, so that on the next start no view processes the
 * million events on its own: the replay measured afterwards is the only work the engine does.
 */
final class ReplayLoad {

    private static final String INSERT = "INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, "
            + "type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
            + "VALUES (?, ?, 'CustomerJourney', ?, ?, ?, '1', ?, ?)";
    private static final String PACKAGE = "io.journeyengine.journey.";
    private static final int EVENTS_PER_CUSTOMER = 50;
    private static final int WAVE = 1_000;
    private static final int ROWS_PER_COMMIT = 5_000;

    private ReplayLoad() {
    }

    /** Loads {@code events} events into the engine's database at {@code url}; answers the JDBC read rate. */
    static double run(String url, String user, String password, long events, String run) throws SQLException {
        System.out.printf(Locale.ROOT, "%n== replay load: %,d events by JDBC into %s (engine stopped)%n", events,
                          url);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long start = System.nanoTime();
            long written = load(c, events, run);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  written: %,d events, %d per customer, in %.0f s (%s rows/s)%n",
                              written, EVENTS_PER_CUSTOMER, seconds, Stats.count(written / seconds));
            long head = head(c);
            int tokens = tokensToHead(c, head);
            System.out.printf(Locale.ROOT, "  %d processor tokens set to the head, position %,d%n", tokens, head);
            double cold = read(c, "first read (cold)");
            double warm = read(c, "second read (warm)");
            return Math.max(cold, warm);
        }
    }

    private static long load(Connection c, long events, String run) throws SQLException {
        c.setAutoCommit(false);
        long written = 0;
        int customer = 0;
        Instant clock = Instant.parse("2026-01-01T00:00:00Z");
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            int inBatch = 0;
            while (written < events) {
                List<Customer> wave = new ArrayList<>();
                for (int i = 0; i < WAVE; i++) {
                    wave.add(new Customer("replay-" + run + "-" + customer++));
                }
                boolean more = true;
                while (more && written < events) {
                    more = false;
                    for (Customer next : wave) {
                        if (written >= events || next.emitted >= EVENTS_PER_CUSTOMER) {
                            continue;
                        }
                        clock = clock.plusMillis(7);
                        Event event = next.next(clock);
                        insert.setString(1, next.id);
                        insert.setLong(2, event.sequence);
                        insert.setString(3, UUID.randomUUID().toString());
                        insert.setBytes(4, event.metadata.getBytes(StandardCharsets.UTF_8));
                        insert.setBytes(5, event.payload.getBytes(StandardCharsets.UTF_8));
                        insert.setString(6, PACKAGE + event.type);
                        insert.setString(7, clock.toString());
                        insert.addBatch();
                        written++;
                        more = true;
                        if (++inBatch == ROWS_PER_COMMIT) {
                            insert.executeBatch();
                            c.commit();
                            inBatch = 0;
                        }
                    }
                }
            }
            if (inBatch > 0) {
                insert.executeBatch();
                c.commit();
            }
        }
        c.setAutoCommit(true);
        return written;
    }

    private static long head(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(global_index) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every processor (every view and the checkpoint writer) continues after the loaded events. */
    private static int tokensToHead(Connection c, long head) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE token_entry SET token = ?, token_type = ?, owner = NULL")) {
            update.setBytes(1, ("{\"index\":" + head + ",\"gaps\":[]}").getBytes(StandardCharsets.UTF_8));
            update.setString(2, "org.axonframework.eventhandling.GapAwareTrackingToken");
            return update.executeUpdate();
        }
    }

    /**
     * The ceiling of a replay's reads: every row of the event table, all columns, in global order, a thousand rows
     * per query as a streaming processor reads it (Axon reads 100 per query by default), nothing deserialized.
     */
    private static double read(Connection c, String label) throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        long after = -1;
        try (PreparedStatement query = c.prepareStatement(
                "SELECT global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data, "
                        + "payload, payload_revision, payload_type, time_stamp FROM domain_event_entry "
                        + "WHERE global_index > ? ORDER BY global_index FETCH FIRST 1000 ROWS ONLY")) {
            while (true) {
                query.setLong(1, after);
                int n = 0;
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        bytes += rs.getString(2).length() + rs.getBytes(6).length + rs.getBytes(7).length
                                + rs.getString(9).length() + rs.getString(10).length();
                        n++;
                    }
                }
                rows += n;
                if (n == 0) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = rows / seconds;
        System.out.printf(Locale.ROOT, "  raw JDBC read of the event table, %s: %,d rows (%,d MB) in %.1f s, %s rows/s%n",
                          label, rows, bytes >> 20, seconds, Stats.count(perSecond));
        return perSecond;
    }

    /** One stored event. */
    private record Event(long sequence, String type, String payload, String metadata) {
    }

    /**
     * A customer whose stream is a valid journey: a first touchpoint, then cycles of views, cart adds, a removal and
     * a checkout of the cart, with the stage advances the lifecycle rules give.
     */
    private static final class Customer {
        private final String id;
        private final Deque<Event> queued = new ArrayDeque<>();
        private long sequence;
        private int emitted;
        private int touchpoints;
        private int purchases;
        private String stage;

        Customer(String id) {
            this.id = id;
        }

        Event next(Instant at) {
            if (queued.isEmpty()) {
                touchpoint(at);
            }
            emitted++;
            return queued.poll();
        }

        private void touchpoint(Instant at) {
            touchpoints++;
            String tp = id + "-" + touchpoints;
            String channel = touchpoints % 3 == 0 ? "APP" : "WEB";
            String touchpoint = "{\"id\":\"" + tp + "\",\"channel\":\"" + channel + "\",\"occurredAt\":\""
                    + at.minusSeconds(30) + "\"}";
            String metadata = "{\"touchpointId\":\"" + tp + "\",\"channel\":\"" + channel + "\",\"receivedAt\":\""
                    + at + "\",\"correlationId\":\"replay-load\",\"causationId\":\"" + tp + "\",\"traceId\":\"" + tp
                    + "\"}";
            String head = "{\"customerId\":\"" + id + "\",\"touchpoint\":" + touchpoint;
            if (touchpoints == 1) {
                emit("JourneyStarted", head + "}", metadata);
                emit("browsing.ProductViewed", head + ",\"sku\":\"SKU-1\"}", metadata);
                advance(head, metadata, "REACH", "ANY_TOUCHPOINT");
                return;
            }
            switch (touchpoints % 6) {
                case 2 -> {
                    emit("cart.CartItemAdded", head + ",\"sku\":\"A\",\"quantity\":2,\"unitPrice\":19.90,"
                            + "\"currency\":\"EUR\"}", metadata);
                    if ("REACH".equals(stage)) {
                        advance(head, metadata, "ACQUISITION", "CART_ITEM_ADDED");
                    }
                }
                case 3 -> emit("browsing.ProductViewed", head + ",\"sku\":\"SKU-" + touchpoints + "\"}", metadata);
                case 4 -> emit("cart.CartItemAdded", head + ",\"sku\":\"B\",\"quantity\":1,\"unitPrice\":5.00,"
                        + "\"currency\":\"EUR\"}", metadata);
                case 5 -> emit("cart.CartItemRemoved", head + ",\"sku\":\"A\",\"quantity\":1}", metadata);
                case 0 -> {
                    purchases++;
                    emit("order.CheckoutCompleted", head + ",\"orderId\":\"" + tp + "\",\"lines\":["
                            + "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":19.90},"
                            + "{\"sku\":\"B\",\"quantity\":1,\"unitPrice\":5.00}],\"currency\":\"EUR\","
                            + "\"subtotal\":24.90,\"discount\":0.00,\"total\":24.90,\"promoCode\":null,"
                            + "\"fulfilment\":\"DELIVERY\",\"storeId\":null}", metadata);
                    if (purchases == 1) {
                        advance(head, metadata, "CONVERSION", "FIRST_PURCHASE");
                    } else if (purchases == 2) {
                        advance(head, metadata, "RETENTION", "SECOND_PURCHASE");
                    } else if (purchases == 3) {
                        advance(head, metadata, "LOYALTY", "THIRD_PURCHASE");
                    }
                }
                default -> emit("browsing.ProductViewed", head + ",\"sku\":\"SKU-0\"}", metadata);
            }
        }

        private void advance(String head, String metadata, String to, String rule) {
            emit("lifecycle.LifecycleStageAdvanced", head + ",\"from\":" + (stage == null ? "null" : "\"" + stage + "\"")
                    + ",\"to\":\"" + to + "\",\"rule\":\"" + rule + "\"}", metadata);
            stage = to;
        }

        private void emit(String type, String payload, String metadata) {
            queued.add(new Event(sequence++, type, payload, metadata));
        }
    }
}
