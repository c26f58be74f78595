package io.journeyengine.api.ingest;

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

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The batch endpoint: one result per item in order, array order per customer, refusals that stop nothing. */
class BatchIngestionTest {

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

    private static ObjectNode add(String id, String customer, String sku, int quantity) {
        return touchpoint(id, customer, "WEB", "2026-11-20T10:00:00Z", "CART_ITEM_ADDED",
                          Map.of("sku", sku, "quantity", quantity, "unitPrice", "10.00", "currency", "EUR"));
    }

    private static ObjectNode remove(String id, String customer, String sku, int quantity) {
        return touchpoint(id, customer, "APP", "2026-11-20T10:05:00Z", "CART_ITEM_REMOVED",
                          Map.of("sku", sku, "quantity", quantity));
    }

    @Test
    void eachItemGetsItsResultInOrderAndARefusedItemStopsNothing() {
        List<ObjectNode> batch = List.of(
                add("bt-1", "cust-batch-a", "A", 1),
                remove("bt-2", "cust-batch-a", "A", 5),                       // more than held: refused
                add("bt-3", "cust-batch-b", "B", 2),
                touchpoint("bt-4", "cust-batch-b", "PIGEON", "2026-11-20T10:00:00Z", "PRODUCT_VIEWED",
                           Map.of("sku", "B")),                                // invalid: refused
                add("bt-5", "cust-batch-a", "C", 3));
        Answer answer = api.post("/api/touchpoints/batch", batch);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode results = answer.json();
        assertThat(results).hasSize(5);
        assertThat(field(results, "touchpointId")).containsExactly("bt-1", "bt-2", "bt-3", "bt-4", "bt-5");
        assertThat(statuses(results))
                .containsExactly("APPLIED", "REJECTED", "APPLIED", "REJECTED", "APPLIED");
        assertThat(results.get(1).get("problem").get("code").asText()).isEqualTo("CART_QUANTITY_EXCEEDED");
        assertThat(results.get(1).get("problem").get("status").asInt()).isEqualTo(422);
        assertThat(results.get(3).get("problem").get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(results.get(3).get("problem").get("status").asInt()).isEqualTo(400);

        awaitCart("cust-batch-a", Map.of("A", 1, "C", 3));
        awaitCart("cust-batch-b", Map.of("B", 2));
    }

    @Test
    void touchpointsOfOneCustomerAreAppliedInArrayOrder() {
        // The remove is only valid because the add before it in the same batch was applied first.
        Answer answer = api.post("/api/touchpoints/batch", List.of(
                add("ord-1", "cust-batch-order", "A", 2),
                remove("ord-2", "cust-batch-order", "A", 2),
                add("ord-3", "cust-batch-order", "B", 1)));
        assertThat(statuses(answer.json())).containsExactly("APPLIED", "APPLIED", "APPLIED");
        awaitCart("cust-batch-order", Map.of("B", 1));
    }

    @Test
    void aTouchpointIdRepeatedInOneBatchIsADuplicateTheSecondTime() {
        Answer answer = api.post("/api/touchpoints/batch", List.of(
                add("dup-1", "cust-batch-dup", "A", 1),
                add("dup-1", "cust-batch-dup", "A", 1)));
        assertThat(statuses(answer.json())).containsExactly("APPLIED", "DUPLICATE");
        Answer resent = api.post("/api/touchpoints/batch", List.of(add("dup-1", "cust-batch-dup", "A", 1)));
        assertThat(resent.json().get(0).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(resent.json().get(0).get("events")).isEqualTo(answer.json().get(0).get("events"));
        awaitCart("cust-batch-dup", Map.of("A", 1));
    }

    @Test
    void aFullBatchOfAThousandIsApplied() {
        List<ObjectNode> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(add("full-" + i, "cust-full-" + (i % 100), "SKU-" + (i / 100), 1));
        }
        Answer answer = api.post("/api/touchpoints/batch", batch);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(statuses(answer.json())).hasSize(1000).containsOnly("APPLIED");
        awaitCart("cust-full-7", Map.of("SKU-0", 1, "SKU-1", 1, "SKU-2", 1, "SKU-3", 1, "SKU-4", 1, "SKU-5", 1,
                                        "SKU-6", 1, "SKU-7", 1, "SKU-8", 1, "SKU-9", 1));
    }

    @Test
    void aBatchCommittedInSlicesKeepsArrayOrderAcrossSlices() {
        // Slices of 100 (journey.ingest.commit-size): item 99 adds in the first slice, item 100 removes in the
        // second, item 150 is refused in the second, and the last item buys nothing it does not hold.
        List<ObjectNode> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            batch.add(add("slice-" + i, "cust-slice-" + (i % 7), "FILLER", 1));
        }
        batch.set(99, add("slice-99", "cust-slice-x", "LAMP", 2));
        batch.set(100, remove("slice-100", "cust-slice-x", "LAMP", 2));
        batch.set(150, remove("slice-150", "cust-slice-x", "LAMP", 1));
        Answer answer = api.post("/api/touchpoints/batch", batch);
        assertThat(answer.status()).isEqualTo(200);
        List<String> statuses = statuses(answer.json());
        assertThat(statuses).hasSize(250);
        assertThat(statuses.get(99)).isEqualTo("APPLIED");
        assertThat(statuses.get(100)).isEqualTo("APPLIED");
        assertThat(statuses.get(150)).isEqualTo("REJECTED");
        assertThat(answer.json().get(150).get("problem").get("code").asText()).isEqualTo("CART_QUANTITY_EXCEEDED");
        assertThat(statuses.stream().filter("APPLIED"::equals)).hasSize(249);
        assertThat(engine.eventCount("cust-slice-x")).as("started, added, removed; nothing of the refusal")
                                                     .isEqualTo(4);
    }

    @Test
    void batchesTakingTheSameCustomersInOppositeOrderAllSucceed() throws Exception {
        // Each batch holds its customers' journeys until it commits; two batches wanting each other's customers
        // deadlock, and the engine must resolve that by retrying, not by failing the channel.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Answer>> answers = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (int side = 0; side < 4; side++) {
                    String first = side % 2 == 0 ? "cust-dl-a" : "cust-dl-b";
                    String second = side % 2 == 0 ? "cust-dl-b" : "cust-dl-a";
                    String id = "dl-" + round + "-" + side;
                    answers.add(pool.submit(() -> api.post("/api/touchpoints/batch", List.of(
                            add(id + "-1", first, "A", 1), add(id + "-2", second, "A", 1)))));
                }
            }
            for (java.util.concurrent.Future<Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
                assertThat(statuses(answer.get().json())).as(answer.get().body()).containsOnly("APPLIED");
            }
            awaitCart("cust-dl-a", Map.of("A", 80));
            awaitCart("cust-dl-b", Map.of("A", 80));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusalForAJourneyNotYetInMemoryRollsBackOnlyItself() {
        // Each of these customers is loaded from the store inside its touchpoint's savepoint; a refusal must undo
        // that savepoint alone, not the request's transaction (receipts of the neighbours included).
        Answer answer = api.post("/api/touchpoints/batch", List.of(
                add("iso-1", "cust-iso-x", "A", 1),
                remove("iso-2", "cust-iso-y", "A", 1),                         // nothing in that cart: refused
                add("iso-3", "cust-iso-z", "B", 2)));
        assertThat(statuses(answer.json())).containsExactly("APPLIED", "REJECTED", "APPLIED");
        Answer resent = api.post("/api/touchpoints/batch", List.of(
                add("iso-1", "cust-iso-x", "A", 1), add("iso-3", "cust-iso-z", "B", 2)));
        assertThat(statuses(resent.json())).containsExactly("DUPLICATE", "DUPLICATE");
        assertThat(engine.eventCount("cust-iso-y")).isZero();
        awaitCart("cust-iso-x", Map.of("A", 1));
        awaitCart("cust-iso-z", Map.of("B", 2));
    }

    @Test
    void anEmptyBatchIsAnEmptyAnswer() {
        Answer answer = api.post("/api/touchpoints/batch", List.of());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEmpty();
    }

    private static List<String> statuses(JsonNode results) {
        return field(results, "status");
    }

    private static List<String> field(JsonNode results, String name) {
        List<String> values = new ArrayList<>();
        results.forEach(result -> values.add(result.get(name).asText()));
        return values;
    }

    private static void awaitCart(String customer, Map<String, Integer> expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Answer cart = api.get("/api/customers/" + customer + "/cart");
            assertThat(cart.status()).isEqualTo(200);
            Map<String, Integer> lines = new java.util.HashMap<>();
            cart.json().get("items").forEach(l -> lines.put(l.get("sku").asText(), l.get("quantity").asInt()));
            assertThat(lines).isEqualTo(expected);
        });
    }
}
