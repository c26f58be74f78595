package io.journeyengine.api.customer;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.Customer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/analytics/funnel} over HTTP: seven customers whose stages are worked out by hand from DESIGN.md's
 * rules, overall and for time ranges in which only some of their touchpoints lie.
 */
class FunnelTest {

    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
        api = engine.api();
        new Customer(api, "f1").viewed("WEB", "2026-11-01T10:00:00Z", "A");
        Customer f2 = new Customer(api, "f2");
        f2.viewed("WEB", "2026-11-01T10:00:00Z", "A");
        f2.cartAdd("WEB", "2026-11-10T00:00:00Z", "A", 1, "1.00");
        new Customer(api, "f3").tillPurchase("2026-11-02T10:00:00Z", "t-1", "A", "5.00", null);
        Customer f4 = new Customer(api, "f4");
        f4.tillPurchase("2026-11-02T10:00:00Z", "t-1", "A", "5.00", null);
        f4.tillPurchase("2026-11-12T10:00:00Z", "t-2", "A", "5.00", null);
        Customer f5 = new Customer(api, "f5");
        f5.tillPurchase("2026-11-02T10:00:00Z", "t-1", "A", "5.00", null);
        f5.tillPurchase("2026-11-03T10:00:00Z", "t-2", "A", "5.00", null);
        f5.tillPurchase("2026-11-04T12:00:00Z", "t-3", "A", "5.00", null);
        new Customer(api, "f6").consent("WEB", "2026-11-01T10:00:00Z", "EMAIL", true);
        Customer f7 = new Customer(api, "f7");
        f7.tillPurchase("2026-11-02T10:00:00Z", "t-1", "A", "5.00", null);
        f7.send("WHATSAPP", "2026-11-03T10:00:00Z", "CONVERSATION_STARTED",
                Map.of("conversationId", "c-1", "topic", "warranty"));
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void theFunnelCountsEveryCustomerInItsStage() {
        // f1 REACH; f2, f6 ACQUISITION; f3 CONVERSION; f4 (two purchases), f7 (a conversation after its purchase)
        // RETENTION; f5 (three purchases) LOYALTY. Reached: 7, 6, 4, 3, 1.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertFunnel(
                api.get("/api/analytics/funnel"), 7, new long[]{1, 2, 1, 2, 1}, new long[]{7, 6, 4, 3, 1},
                new String[]{"0.8571", "0.6667", "0.7500", "0.3333", null}));
    }

    @Test
    void aRangeCountsAsIfOnlyItsTouchpointsExisted() {
        awaitAll();
        // Before Nov 4: f2 only browsed, f4 bought once, f5 twice; f7's conversation still follows its purchase.
        assertFunnel(api.get("/api/analytics/funnel?from=2026-11-01T00:00:00Z&to=2026-11-04T00:00:00Z"), 7,
                     new long[]{2, 1, 2, 2, 0}, new long[]{7, 5, 4, 2, 0},
                     new String[]{"0.7143", "0.8000", "0.5000", "0.0000", null});
        // From Nov 3: f7's conversation without its purchase only acquires; f1, f3 and f6 are not customers here.
        assertFunnel(api.get("/api/analytics/funnel?from=2026-11-03T00:00:00Z"), 4,
                     new long[]{0, 2, 1, 1, 0}, new long[]{4, 4, 2, 1, 0},
                     new String[]{"1.0000", "0.5000", "0.5000", "0.0000", null});
        // Only an upper bound, given with an offset (+ encoded): up to Nov 2, 01:00 UTC.
        assertFunnel(api.get("/api/analytics/funnel?to=2026-11-02T02:00:00%2B01:00"), 3,
                     new long[]{2, 1, 0, 0, 0}, new long[]{3, 1, 0, 0, 0},
                     new String[]{"0.3333", "0.0000", null, null, null});
    }

    @Test
    void fromIsInclusiveAndToExclusive() {
        awaitAll();
        // f2's cart add happened at exactly 2026-11-10T00:00:00Z.
        assertFunnel(api.get("/api/analytics/funnel?from=2026-11-10T00:00:00Z&to=2026-11-11T00:00:00Z"), 1,
                     new long[]{0, 1, 0, 0, 0}, new long[]{1, 1, 0, 0, 0},
                     new String[]{"1.0000", "0.0000", null, null, null});
        assertFunnel(api.get("/api/analytics/funnel?from=2026-11-09T00:00:00Z&to=2026-11-10T00:00:00Z"), 0,
                     new long[]{0, 0, 0, 0, 0}, new long[]{0, 0, 0, 0, 0},
                     new String[]{null, null, null, null, null});
    }

    @Test
    void aBadRangeIsRefused() {
        Map<String, String> cases = Map.of("from=yesterday", "from", "to=2026-13-01T00:00:00Z", "to",
                                           "from=2026-11-01", "from",
                                           "from=2026-11-05T00:00:00Z&to=2026-11-05T00:00:00Z", "to",
                                           "from=2026-11-06T00:00:00Z&to=2026-11-05T00:00:00Z", "to");
        cases.forEach((query, field) -> {
            Answer answer = api.get("/api/analytics/funnel?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(answer.json().get("errors").get(0).get("field").asText()).as(query).isEqualTo(field);
        });
    }

    private static void awaitAll() {
        await().atMost(Duration.ofSeconds(15)).until(
                () -> api.get("/api/analytics/funnel").json(),
                funnel -> funnel.get("customers").asLong() == 7
                        && funnel.get("stages").get(4).get("current").asLong() == 1
                        && funnel.get("stages").get(3).get("current").asLong() == 2);
    }

    static void assertFunnel(Answer answer, long customers, long[] current, long[] reached, String[] rates) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode funnel = answer.json();
        assertThat(funnel.get("customers").asLong()).isEqualTo(customers);
        JsonNode stages = funnel.get("stages");
        List<String> order = List.of("REACH", "ACQUISITION", "CONVERSION", "RETENTION", "LOYALTY");
        assertThat(stages).hasSize(5);
        for (int i = 0; i < 5; i++) {
            JsonNode stage = stages.get(i);
            assertThat(stage.get("stage").asText()).isEqualTo(order.get(i));
            assertThat(stage.get("current").asLong()).as(order.get(i) + " current").isEqualTo(current[i]);
            assertThat(stage.get("reached").asLong()).as(order.get(i) + " reached").isEqualTo(reached[i]);
            if (rates[i] == null) {
                assertThat(stage.get("rateToNext").isNull()).as(order.get(i) + " rate").isTrue();
            } else {
                assertThat(stage.get("rateToNext").isNumber()).isTrue();
                assertThat(new BigDecimal(stage.get("rateToNext").asText())).as(order.get(i) + " rate")
                        .isEqualByComparingTo(rates[i]);
            }
        }
    }
}
