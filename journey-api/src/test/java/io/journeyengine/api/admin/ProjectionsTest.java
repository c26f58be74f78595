package io.journeyengine.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RefuseSkuTrigger;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The views as operators see them, and an event a view cannot handle parked without stopping the view. */
class ProjectionsTest {

    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
        api = engine.api();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    private static Answer add(String touchpointId, String customer, String sku, int quantity) {
        Answer answer = api.post("/api/touchpoints", touchpoint(
                touchpointId, customer, "WEB", "2026-11-20T10:00:00Z", "CART_ITEM_ADDED",
                Map.of("sku", sku, "quantity", quantity, "unitPrice", "5.00", "currency", "EUR")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private static JsonNode view(String name) {
        for (JsonNode view : api.get("/api/admin/projections").json()) {
            if (view.get("name").asText().equals(name)) {
                return view;
            }
        }
        throw new AssertionError("no view " + name + " in " + api.get("/api/admin/projections").body());
    }

    @Test
    void everyViewIsListedAndCatchesUpWithTheStore() {
        add("proj-1", "cust-proj", "A", 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode cart = view("cart");
            assertThat(cart.get("lag").asLong()).isZero();
            assertThat(cart.get("position").asLong()).isEqualTo(cart.get("head").asLong());
        });
        for (JsonNode view : api.get("/api/admin/projections").json()) {
            assertThat(view.get("deadLetterQueue").asBoolean())
                    .as("view %s has a dead-letter queue (dlq.enabled in application.yml)", view.get("name"))
                    .isTrue();
        }
        JsonNode cart = view("cart");
        assertThat(cart.get("running").asBoolean()).isTrue();
        assertThat(cart.get("segments").asInt()).isEqualTo(4);
        Long head = engine.database().queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        assertThat(cart.get("head").asLong()).isEqualTo(head);
    }

    @Test
    void anEventTheViewCannotStoreIsParkedTheOthersGoOnAndARetryAppliesItOnce() {
        RefuseSkuTrigger.install(engine);
        try {
            add("dlq-1", "cust-dlq-poisoned", RefuseSkuTrigger.SKU, 2);
            add("dlq-2", "cust-dlq-poisoned", "LAMP", 1);
            add("dlq-3", "cust-dlq-healthy", "CHAIR", 3);

            // The healthy customer's cart is there: one bad event does not stop the view.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(
                    () -> assertThat(api.get("/api/customers/cust-dlq-healthy/cart").json().get("items"))
                            .hasSize(1));
            // The poisoned customer's events are parked in order: the failed one and the one queued behind it.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode cart = view("cart");
                assertThat(cart.get("deadLetters").asLong()).isEqualTo(2);
                assertThat(cart.get("parkedCustomers").asLong()).isEqualTo(1);
            });
            Answer stillBroken = api.post("/api/admin/projections/cart/dead-letters/retry", "{}");
            assertThat(stillBroken.status()).isEqualTo(200);
            assertThat(stillBroken.json().get("stillParked").asLong()).isEqualTo(2);
        } finally {
            RefuseSkuTrigger.remove(engine);
        }

        Answer retried = api.post("/api/admin/projections/cart/dead-letters/retry", "{}");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("retried").asInt()).isEqualTo(1);
        assertThat(retried.json().get("stillParked").asLong()).isZero();
        // Applied exactly once: the failed attempt left nothing behind (each handler runs in a savepoint).
        JsonNode items = api.get("/api/customers/cust-dlq-poisoned/cart").json().get("items");
        assertThat(items).hasSize(2);
        assertThat(items.findValues("quantity").stream().mapToInt(JsonNode::asInt).sum()).isEqualTo(3);
        assertThat(view("cart").get("deadLetters").asLong()).isZero();
        assertThat(api.get("/api/admin/audit").body()).contains("DEAD_LETTERS_RETRIED");
    }

    /**
     * A replay runs its handlers without a savepoint (AtomicViewHandlers); one that fails rolls its whole batch back,
     * and the batch is taken again with that event in a savepoint. The event must end up parked without half of it
     * left in the view, and every other customer rebuilt.
     */
    @Test
    void anEventTheViewCannotStoreDuringAReplayIsParkedWithNothingHalfWritten() {
        add("rdlq-1", "cust-rdlq-poisoned", "DESK", 1);
        add("rdlq-2", "cust-rdlq-poisoned", RefuseSkuTrigger.SKU, 2);
        add("rdlq-3", "cust-rdlq-poisoned", "LAMP", 1);
        for (int i = 0; i < 30; i++) {
            add("rdlq-h" + i, "cust-rdlq-healthy-" + (i % 10), "CHAIR", 1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(view("cart").get("lag").asLong())
                .isZero());
        RefuseSkuTrigger.install(engine);
        try {
            Answer started = api.post("/api/admin/projections/cart/replay", "{}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode replay = api.get("/api/admin/projections/cart").json().get("replay");
                assertThat(replay.get("replaying").asBoolean()).isFalse();
                assertThat(replay.get("percentage").asDouble()).isEqualTo(100.0);
            });
            for (int c = 0; c < 10; c++) {
                JsonNode items = api.get("/api/customers/cust-rdlq-healthy-" + c + "/cart").json().get("items");
                assertThat(items).as("healthy customer %d rebuilt", c).hasSize(1);
                assertThat(items.get(0).get("quantity").asInt()).isEqualTo(3);
            }
            // Parked from the failed event on: the poison and the lamp behind it; the desk before it is rebuilt.
            JsonNode poisoned = api.get("/api/customers/cust-rdlq-poisoned/cart").json().get("items");
            assertThat(poisoned).hasSize(1);
            assertThat(poisoned.get(0).get("sku").asText()).isEqualTo("DESK");
            assertThat(view("cart").get("deadLetters").asLong()).isGreaterThanOrEqualTo(2);
        } finally {
            RefuseSkuTrigger.remove(engine);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Answer retried = api.post("/api/admin/projections/cart/dead-letters/retry", "{}");
            assertThat(retried.status()).as(retried.body()).isEqualTo(200);
            assertThat(retried.json().get("stillParked").asLong()).isZero();
        });
        // Applied exactly once: the aborted batch and the failed attempt left nothing behind.
        JsonNode items = api.get("/api/customers/cust-rdlq-poisoned/cart").json().get("items");
        assertThat(items).hasSize(3);
        assertThat(items.findValues("quantity").stream().mapToInt(JsonNode::asInt).sum()).isEqualTo(4);
    }

    @Test
    void anUnknownViewIsNotFound() {
        Answer answer = api.post("/api/admin/projections/no-such-view/dead-letters/retry", "{}");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("PROJECTION_NOT_FOUND");
    }
}
