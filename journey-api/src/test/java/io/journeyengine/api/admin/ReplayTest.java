package io.journeyengine.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding a view from the event store ends with exactly the rows it had before, while the other views keep
 * serving; a second rebuild of the same view during the first is refused.
 */
class ReplayTest {

    /** Tables that are not views: the store, the engine's own bookkeeping (deadlines too), security. */
    private static final Set<String> NOT_VIEWS = Set.of("DOMAIN_EVENT_ENTRY", "SNAPSHOT_EVENT_ENTRY", "TOKEN_ENTRY",
                                                        "DEAD_LETTER_ENTRY", "FLYWAY_SCHEMA_HISTORY",
                                                        "TOUCHPOINT_RECEIPT", "IDENTITY_INDEX", "API_KEY",
                                                        "AUDIT_LOG", "PROFILE_MERGE", "PERSONAL_DATA_KEY",
                                                        "SCHEDULED_TASKS", "JOURNEY_DEADLINE", "JOURNEY_NODE",
                                                        "JOURNEY_VIEW_PAUSE", "WEBHOOK", "WEBHOOK_DELIVERY");

    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void fill() {
        engine = RunningEngine.start();
        api = engine.api();
        // A few thousand touchpoints of 300 customers: carts filled, emptied and bought on several channels.
        Random random = new Random(7);
        String[] channels = {"WEB", "APP", "STORE", "WHATSAPP"};
        List<ObjectNode> batch = new ArrayList<>();
        long last = 0;
        for (int i = 0; i < 3_000; i++) {
            String customer = "cust-replay-" + random.nextInt(300);
            String channel = channels[random.nextInt(channels.length)];
            String at = "2026-11-" + (10 + random.nextInt(10)) + "T1" + random.nextInt(10) + ":00:00Z";
            int kind = random.nextInt(10);
            ObjectNode touchpoint = kind < 6
                    ? touchpoint("replay-" + i, customer, channel, at, "CART_ITEM_ADDED",
                                 Map.of("sku", "SKU-" + random.nextInt(20), "quantity", 1 + random.nextInt(3),
                                        "unitPrice", "9.99", "currency", "EUR"))
                    : kind < 8
                    ? touchpoint("replay-" + i, customer, channel, at, "PRODUCT_VIEWED",
                                 Map.of("sku", "SKU-" + random.nextInt(20)))
                    : touchpoint("replay-" + i, customer, channel, at, "CHECKOUT_COMPLETED",
                                 Map.of("orderId", "order-" + i, "fulfilment", "DELIVERY"));
            batch.add(touchpoint);
            if (batch.size() == 500) {
                last = send(batch);
                batch.clear();
            }
        }
        long position = last;
        // Every view has caught up with the last write before the "before" picture is taken.
        Answer caughtUp = api.get("/api/customers/cust-replay-1/cart?minPosition=" + position);
        assertThat(caughtUp.status()).isIn(200, 404);
    }

    private static long send(List<ObjectNode> batch) {
        Answer answer = api.post("/api/touchpoints/batch", batch);
        assertThat(answer.status()).isEqualTo(200);
        long position = 0;
        for (JsonNode result : answer.json()) {
            position = Math.max(position, result.path("position").asLong(0));
        }
        return position;
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void everyViewRebuiltFromTheStoreEndsEqualToWhatItWas() {
        Map<String, List<String>> before = viewTables();
        assertThat(before.get("CART_VIEW_LINE")).as("the workload filled the carts").hasSizeGreaterThan(100);
        for (JsonNode view : api.get("/api/admin/projections").json()) {
            String name = view.get("name").asText();
            Answer started = api.post("/api/admin/projections/" + name + "/replay", "{}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(started.json().get("replay").get("headAtStart").asLong())
                    .isEqualTo(view.get("head").asLong());
            // Other views keep answering while this one rebuilds.
            assertThat(api.get("/api/admin/projections").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode replay = api.get("/api/admin/projections/" + name).json().get("replay");
                assertThat(replay.get("replaying").asBoolean()).isFalse();
                assertThat(replay.get("percentage").asDouble()).isEqualTo(100.0);
            });
            assertThat(viewTables()).as("tables after rebuilding " + name).isEqualTo(before);
        }
        assertThat(api.get("/api/admin/audit").body()).contains("REPLAY_STARTED");
    }

    @Test
    void aSecondReplayOfTheSameViewWhileOneRunsIsRefused() {
        Answer first = api.post("/api/admin/projections/cart/replay", "{}");
        assertThat(first.status()).isEqualTo(202);
        Answer second = api.post("/api/admin/projections/cart/replay", "{}");
        if (second.status() == 202) {
            // The first finished before the second arrived (a fast machine): then it must have been complete.
            assertThat(first.json().get("replay")).isNotNull();
        } else {
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.code()).isEqualTo("REPLAY_IN_PROGRESS");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> assertThat(api.get("/api/admin/projections/cart").json().get("replay").get("replaying")
                                    .asBoolean()).isFalse());
    }

    @Test
    void anUnknownViewCannotBeReplayed() {
        Answer answer = api.post("/api/admin/projections/nothing/replay", "{}");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("PROJECTION_NOT_FOUND");
        assertThat(api.get("/api/admin/projections/nothing").status()).isEqualTo(404);
    }

    /** Every view table's rows, as sorted strings, by upper-case table name (H2 and PostgreSQL alike). */
    private static Map<String, List<String>> viewTables() {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : engine.database().queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA", String.class)) {
            if (NOT_VIEWS.contains(table.toUpperCase())) {
                continue;
            }
            List<String> rows = new ArrayList<>();
            engine.database().queryForList("SELECT * FROM " + table).forEach(row -> rows.add(row.toString()));
            rows.sort(String::compareTo);
            tables.put(table.toUpperCase(), rows);
        }
        return tables;
    }
}
