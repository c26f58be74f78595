package io.journeyengine.api.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;

/** Ingestion answers carry a position; a query given it as minPosition includes that write without polling. */
class ReadYourWritesTest {

    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start("journey.read.max-wait=400ms");
        api = engine.api();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    private static Answer add(String touchpointId, String customer, String sku) {
        return api.post("/api/touchpoints", touchpoint(touchpointId, customer, "WEB", "2026-11-20T10:00:00Z",
                                                       "CART_ITEM_ADDED", Map.of("sku", sku, "quantity", 1,
                                                                                 "unitPrice", "5.00",
                                                                                 "currency", "EUR")));
    }

    @Test
    void aQueryWithTheAnswersPositionSeesTheWriteAtOnce() {
        for (int i = 0; i < 20; i++) {
            Answer added = add("ryw-" + i, "cust-ryw-" + i, "SKU-" + i);
            assertThat(added.status()).isEqualTo(200);
            long position = added.json().get("position").asLong();
            // No waiting on the client side: the query itself waits for the views.
            Answer cart = api.get("/api/customers/cust-ryw-" + i + "/cart?minPosition=" + position);
            assertThat(cart.status()).as(cart.body()).isEqualTo(200);
            assertThat(cart.json().get("items").get(0).get("sku").asText()).isEqualTo("SKU-" + i);
        }
    }

    @Test
    void theHeaderWorksLikeTheParameter() {
        Answer added = add("ryw-header", "cust-ryw-header", "LAMP");
        Answer cart = api.get("/api/customers/cust-ryw-header/cart",
                              Map.of("X-Min-Position", added.json().get("position").asText()));
        assertThat(cart.status()).as(cart.body()).isEqualTo(200);
        assertThat(cart.json().get("items")).hasSize(1);
    }

    @Test
    void positionsGrowAndADuplicateCarriesOneWhileARefusalDoesNot() {
        long first = add("ryw-pos-1", "cust-ryw-pos", "A").json().get("position").asLong();
        long second = add("ryw-pos-2", "cust-ryw-pos", "B").json().get("position").asLong();
        assertThat(second).isGreaterThan(first);

        Answer duplicate = add("ryw-pos-1", "cust-ryw-pos", "A");
        assertThat(duplicate.json().get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(duplicate.json().get("position").asLong()).isGreaterThanOrEqualTo(first);

        Answer batch = api.post("/api/touchpoints/batch", List.of(
                touchpoint("ryw-b-1", "cust-ryw-batch", "WEB", "2026-11-20T10:00:00Z", "PRODUCT_VIEWED",
                           Map.of("sku", "A")),
                touchpoint("ryw-b-2", "cust-ryw-batch", "WEB", "2026-11-20T10:01:00Z", "CART_ITEM_REMOVED",
                           Map.of("sku", "A", "quantity", 1))));
        JsonNode results = batch.json();
        assertThat(results.get(0).get("position").asLong()).isGreaterThan(second);
        assertThat(results.get(1).get("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(1).has("position")).isFalse();
    }

    @Test
    void aMalformedPositionIsAValidationProblem() {
        for (String bad : List.of("abc", "-1", "1.5", "")) {
            Answer answer = api.get("/api/customers/cust-ryw-0/cart?minPosition=" + bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("minPosition");
        }
    }

    @Test
    void aPositionTheViewsNeverReachIsAnsweredServiceUnavailableAfterTheWait() {
        Answer answer = api.get("/api/customers/cust-ryw-0/cart?minPosition=999999999");
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.code()).isEqualTo("VIEW_NOT_CAUGHT_UP");
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.json().get("views").toString()).contains("cart");
    }
}
