package io.journeyengine.api.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input gets a precise problem answer with a code — never a 500 and never a partial write. Every case is sent
 * against a customer with a known cart, which must be unchanged afterwards, and the event store must not grow.
 */
class BadInputTest {

    private static final String CUSTOMER = "cust-bad-input";
    private static RunningEngine engine;
    private static Api api;
    private long eventsBefore;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
        api = engine.api();
        Answer added = api.post("/api/touchpoints", valid("bad-setup"));
        assertThat(added.status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @BeforeEach
    void countEvents() {
        eventsBefore = engine.totalEvents();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(engine.totalEvents()).as("events in the store").isEqualTo(eventsBefore);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Answer cart = api.get("/api/customers/" + CUSTOMER + "/cart");
            assertThat(cart.json().get("items")).hasSize(1);
            assertThat(cart.json().get("items").get(0).get("quantity").asInt()).isEqualTo(2);
        });
    }

    static ObjectNode valid(String touchpointId) {
        Map<String, Object> data = new HashMap<>();
        data.put("sku", "BOOTS-42");
        data.put("quantity", 2);
        data.put("unitPrice", "89.90");
        data.put("currency", "EUR");
        return touchpoint(touchpointId, CUSTOMER, "WEB", "2026-11-20T10:00:00Z", "CART_ITEM_ADDED", data);
    }

    static ObjectNode validWith(String touchpointId, Consumer<ObjectNode> change) {
        ObjectNode node = valid(touchpointId);
        change.accept(node);
        return node;
    }

    static ObjectNode data(ObjectNode touchpoint) {
        return (ObjectNode) touchpoint.get("data");
    }

    static Stream<Arguments> invalidTouchpoints() {
        return Stream.of(
                Arguments.of("unknown type", validWith("b1", n -> n.put("type", "TELEPORTED")), "type"),
                Arguments.of("unknown channel", validWith("b2", n -> n.put("channel", "PIGEON")), "channel"),
                Arguments.of("missing touchpointId", validWith("b3", n -> n.remove("touchpointId")), "touchpointId"),
                Arguments.of("missing channel", validWith("b4", n -> n.remove("channel")), "channel"),
                Arguments.of("missing occurredAt", validWith("b5", n -> n.remove("occurredAt")), "occurredAt"),
                Arguments.of("unparsable occurredAt", validWith("b6", n -> n.put("occurredAt", "yesterday")),
                             "occurredAt"),
                Arguments.of("occurredAt without offset",
                             validWith("b7", n -> n.put("occurredAt", "2026-11-20T10:00:00")), "occurredAt"),
                Arguments.of("quantity 0", validWith("b8", n -> data(n).put("quantity", 0)), "data.quantity"),
                Arguments.of("negative quantity", validWith("b9", n -> data(n).put("quantity", -3)), "data.quantity"),
                Arguments.of("quantity 1000", validWith("b10", n -> data(n).put("quantity", 1000)), "data.quantity"),
                Arguments.of("fractional quantity", validWith("b11", n -> data(n).put("quantity", 1.5)),
                             "data.quantity"),
                Arguments.of("non-numeric price", validWith("b12", n -> data(n).put("unitPrice", "cheap")),
                             "data.unitPrice"),
                Arguments.of("negative price", validWith("b13", n -> data(n).put("unitPrice", "-1.00")),
                             "data.unitPrice"),
                Arguments.of("more decimals than the currency", validWith("b14", n -> data(n).put("unitPrice", "1.999")),
                             "data.unitPrice"),
                Arguments.of("unknown currency", validWith("b15", n -> data(n).put("currency", "XYZ")),
                             "data.currency"),
                Arguments.of("touchpointId over 100 characters", validWith("b16", n -> n.put("touchpointId", "t".repeat(101))),
                             "touchpointId"),
                Arguments.of("neither customerId nor identity", validWith("b17", n -> n.remove("customerId")),
                             "customerId"),
                Arguments.of("malformed phone identity", validWith("b18", n -> n.set("identity",
                             Api.JSON.valueToTree(Map.of("type", "PHONE", "value", "call me")))), "identity.value"),
                Arguments.of("data not an object", validWith("b19", n -> n.put("data", "BOOTS")), "data"),
                Arguments.of("sku over 100 characters", validWith("b20", n -> data(n).put("sku", "S".repeat(101))),
                             "data.sku"),
                Arguments.of("occurredAt far in the future",
                             validWith("b21", n -> n.put("occurredAt", "2999-01-01T00:00:00Z")), "occurredAt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTouchpoints")
    void anInvalidTouchpointIsA400ProblemNamingTheField(String label, ObjectNode body, String field) {
        Answer answer = api.post("/api/touchpoints", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.json().get("errors").findValuesAsText("field")).contains(field);
    }

    @Test
    void malformedJsonIsA400Problem() {
        Answer answer = api.post("/api/touchpoints", "{\"touchpointId\": \"x\", ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.code()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void aDuplicateJsonKeyIsMalformed() {
        Answer answer = api.post("/api/touchpoints", "{\"touchpointId\": \"a\", \"touchpointId\": \"b\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void aTouchpointThatIsNotAnObjectIsA400Problem() {
        Answer answer = api.post("/api/touchpoints", "[1, 2]");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() {
        String padding = "a".repeat(1024 * 1024 + 10);
        Answer answer = api.post("/api/touchpoints", "{\"x\":\"" + padding + "\"}");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aWrongMediaTypeIsA415Problem() {
        Answer answer = api.postBytes("/api/touchpoints", valid("b-media").toString().getBytes(StandardCharsets.UTF_8),
                                      "text/plain");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aBatchOverAThousandItemsIsRefusedWith413() {
        List<ObjectNode> items = Stream.iterate(0, i -> i + 1).limit(1001)
                                       .map(i -> valid("too-many-" + i)).toList();
        Answer answer = api.post("/api/touchpoints/batch", items);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("BATCH_TOO_LARGE");
    }

    @Test
    void aBatchThatIsNotAnArrayIsA400Problem() {
        Answer answer = api.post("/api/touchpoints/batch", valid("b-not-array"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anUnknownPathOutsideTheApiIsA404Problem() {
        Answer answer = api.get("/nowhere");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void anApiPathWithoutARuleIsClosedEvenToTheAdminKey() {
        Answer answer = api.get("/api/nowhere");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aCartOfAnUnknownCustomerIsA404Problem() {
        Answer answer = api.get("/api/customers/nobody-here/cart");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("CUSTOMER_NOT_FOUND");
    }

    @Test
    void aBusinessRuleRefusalIsA422ProblemWithTheRuleCode() {
        Answer answer = api.post("/api/touchpoints", touchpoint("b-remove", CUSTOMER, "APP", "2026-11-20T11:00:00Z",
                "CART_ITEM_REMOVED", Map.of("sku", "BOOTS-42", "quantity", 5)));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.code()).isEqualTo("CART_QUANTITY_EXCEEDED");
        assertThat(answer.json().get("touchpointId").asText()).isEqualTo("b-remove");
        assertThat(answer.json().get("customerId").asText()).isEqualTo(CUSTOMER);
    }

    @Test
    void aRefusedTouchpointCanBeSentAgainOnceTheRuleAllowsIt() {
        // A refusal is not remembered as an outcome: the channel may fix the cause and resend the same id.
        Answer refused = api.post("/api/touchpoints", touchpoint("b-code", "cust-no-consent", "SMS",
                "2026-11-20T09:00:00Z", "PROMO_CODE_SENT", Map.of("promotionId", "p", "code", "C-1",
                        "discountPercent", 5, "validChannels", List.of("ALL"), "expiresAt", "2027-01-01T00:00:00Z")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("CONSENT_REQUIRED");
        assertThat(engine.eventCount("cust-no-consent")).isZero();
    }
}
