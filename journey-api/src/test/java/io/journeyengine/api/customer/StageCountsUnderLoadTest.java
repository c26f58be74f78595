package io.journeyengine.api.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The per-stage counts are rows every customer updates, from several processor segments at once: with hundreds of
 * customers sent concurrently, no advance may be lost or counted twice, and no batch may deadlock for good.
 */
class StageCountsUnderLoadTest {

    private static final int CUSTOMERS = 400;
    private static RunningEngine engine;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void everyStageAdvanceIsCountedOnce() throws Exception {
        Api api = engine.api();
        // Every customer browses (REACH) and adds to the cart (ACQUISITION); every other one also buys (CONVERSION).
        List<ArrayNode> batches = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            ArrayNode batch = Api.JSON.createArrayNode();
            for (int n = thread; n < CUSTOMERS; n += 4) {
                String c = "load-" + n;
                batch.add(Api.touchpoint(c + "-1", c, "WEB", "2026-11-20T10:00:00Z", "PRODUCT_VIEWED",
                                         Map.of("sku", "A")));
                batch.add(Api.touchpoint(c + "-2", c, "APP", "2026-11-20T10:05:00Z", "CART_ITEM_ADDED",
                                         Map.of("sku", "A", "quantity", 1, "unitPrice", "5.00", "currency", "EUR")));
                if (n % 2 == 0) {
                    batch.add(Api.touchpoint(c + "-3", c, "WEB", "2026-11-20T10:10:00Z", "CHECKOUT_COMPLETED",
                                             Map.of("orderId", "o-" + n, "fulfilment", "DELIVERY")));
                }
            }
            batches.add(batch);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Answer>> sent = new ArrayList<>();
            for (ArrayNode batch : batches) {
                sent.add(pool.submit(() -> api.post("/api/touchpoints/batch", batch)));
            }
            for (Future<Answer> answer : sent) {
                assertThat(answer.get().status()).isEqualTo(200);
                answer.get().json().forEach(r -> assertThat(r.get("status").asText()).isEqualTo("APPLIED"));
            }
        } finally {
            pool.shutdown();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode funnel = api.get("/api/analytics/funnel").json();
            assertThat(funnel.get("customers").asLong()).isEqualTo(CUSTOMERS);
            List<Long> current = new ArrayList<>();
            funnel.get("stages").forEach(s -> current.add(s.get("current").asLong()));
            assertThat(current).containsExactly(0L, (long) CUSTOMERS / 2, (long) CUSTOMERS / 2, 0L, 0L);
            // The listing reads other tables than the funnel's counters, which may catch up a moment later.
            assertThat(api.get("/api/customers?stage=CONVERSION").json().get("total").asLong())
                    .isEqualTo(CUSTOMERS / 2);
        });
    }
}
