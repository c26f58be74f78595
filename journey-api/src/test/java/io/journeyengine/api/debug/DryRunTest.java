package io.journeyengine.api.debug;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dry run answers what the current code would do with touchpoints for a real journey — the events, the refusals,
 * the resulting state — and stores nothing: not an event, a receipt, an identity, and no view changes.
 */
class DryRunTest {

    private static final String CUSTOMER = "cust-dry";
    private static RunningEngine engine;
    private static Api api;
    private static long last;
    private Map<String, Long> before;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
        api = engine.api();
        CanonicalJourney.send(api, CUSTOMER, "d");
        last = engine.eventCount(CUSTOMER) - 1;
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @BeforeEach
    void countEverything() {
        // The views first finish what the set-up wrote, so that a row they add later is not taken for a write.
        long head = engine.database().queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry",
                                                     Long.class);
        assertThat(api.get("/api/customers/" + CUSTOMER + "?minPosition=" + head).status()).isEqualTo(200);
        before = counts();
    }

    @Test
    void aCheckoutInTheAppWouldBuyTheWebCartAndAdvanceTheStage() {
        Answer answer = dryRun(Map.of("customerId", CUSTOMER, "touchpoints", List.of(
                touchpoint("d-app", null, "APP", "2026-11-22T10:00:00Z", "CHECKOUT_COMPLETED",
                           Map.of("orderId", "app-2", "fulfilment", "DELIVERY")))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode result = answer.json().get("results").get(0);
        assertThat(result.get("status").asText()).isEqualTo("APPLIED");
        assertThat(result.get("eventTypes").toString()).isEqualTo("[\"CheckoutCompleted\",\"LifecycleStageAdvanced\"]");
        JsonNode checkout = result.get("events").get(0);
        assertThat(checkout.get("sequence").asLong()).isEqualTo(last + 1);
        assertThat(checkout.get("payload").get("total").decimalValue()).isEqualByComparingTo("192.30");
        assertThat(checkout.get("metadata").get("touchpointId").asText()).isEqualTo("d-app");
        assertThat(checkout.get("metadata").get("causationId").asText()).isNotBlank();
        assertThat(result.get("events").get(1).get("payload").get("to").asText()).isEqualTo("RETENTION");
        JsonNode state = answer.json().get("state");
        assertThat(state.get("cart").get("items")).isEmpty();
        assertThat(state.get("orders")).hasSize(2);
        assertThat(answer.json().get("basedOn").get("sequence").asLong()).isEqualTo(last);
        assertThat(answer.json().get("written").asBoolean()).isFalse();
        assertNothingWritten();
    }

    @Test
    void refusalsDuplicatesAndLaterTouchpointsAreAnsweredInOrder() {
        Answer answer = dryRun(Map.of("customerId", CUSTOMER, "touchpoints", List.of(
                CanonicalJourney.secondRedemption(CUSTOMER, "d"),
                CanonicalJourney.applied(CUSTOMER, "d").get(4),
                touchpoint("d-add", CUSTOMER, "WEB", "2026-11-22T10:00:00Z", "CART_ITEM_ADDED",
                           Map.of("sku", "HAT-1", "quantity", 1, "unitPrice", "15.00", "currency", "EUR")),
                touchpoint("d-remove", null, "APP", "2026-11-22T10:05:00Z", "CART_ITEM_REMOVED",
                           Map.of("sku", "HAT-1", "quantity", 2)),
                touchpoint("d-other", "cust-someone-else", "WEB", "2026-11-22T10:06:00Z", "PRODUCT_VIEWED",
                           Map.of("sku", "A")),
                Map.of("touchpointId", "d-broken", "type", "CART_ITEM_ADDED"))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode results = answer.json().get("results");
        assertThat(results.get(0).get("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(0).get("problem").get("code").asText()).isEqualTo("PROMO_ALREADY_REDEEMED");
        assertThat(results.get(0).get("problem").get("status").asInt()).isEqualTo(409);
        assertThat(results.get(1).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(results.get(1).get("eventTypes").toString()).isEqualTo("[\"CartItemAdded\"]");
        assertThat(results.get(2).get("status").asText()).isEqualTo("APPLIED");
        assertThat(results.get(2).get("events").get(0).get("sequence").asLong()).isEqualTo(last + 1);
        // The removal sees the hat the dry run added just before it.
        assertThat(results.get(3).get("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(3).get("problem").get("code").asText()).isEqualTo("CART_QUANTITY_EXCEEDED");
        assertThat(results.get(3).get("problem").get("held").asInt()).isEqualTo(1);
        assertThat(results.get(4).get("problem").get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(results.get(5).get("problem").get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.json().get("state").get("cart").get("items")).hasSize(3);
        assertNothingWritten();
    }

    @Test
    void aFixCanBeTriedAgainstTheJourneyAsItWasEarlier() {
        // Right after the second web cart add, before the till purchase used the code: the app checkout with the
        // code would have been accepted.
        List<JsonNode> stream = StateFold.stream(api, CUSTOMER);
        long beforeTill = stream.stream().filter(e -> e.get("type").asText().equals("InStorePurchaseMade"))
                                .findFirst().orElseThrow().get("sequence").asLong() - 1;
        Answer answer = dryRun(Map.of("customerId", CUSTOMER, "atSequence", beforeTill, "touchpoints", List.of(
                CanonicalJourney.secondRedemption(CUSTOMER, "fix"))));
        JsonNode result = answer.json().get("results").get(0);
        assertThat(result.get("status").asText()).as(answer.body()).isEqualTo("APPLIED");
        assertThat(result.get("eventTypes").toString()).contains("CheckoutCompleted", "PromoCodeRedeemed");
        assertThat(result.get("events").get(0).get("sequence").asLong()).isEqualTo(beforeTill + 1);
        assertThat(answer.json().get("basedOn").get("sequence").asLong()).isEqualTo(beforeTill);
        assertNothingWritten();
    }

    @Test
    void aCustomerWithoutEventsStartsAJourney() {
        Answer answer = dryRun(Map.of("customerId", "cust-dry-new", "touchpoints", List.of(
                touchpoint("n-1", null, "SMS", "2026-11-22T10:00:00Z", "CONSENT_CHANGED",
                           Map.of("channel", "SMS", "granted", true)))));
        JsonNode result = answer.json().get("results").get(0);
        assertThat(result.get("eventTypes").toString())
                .isEqualTo("[\"JourneyStarted\",\"ConsentChanged\",\"LifecycleStageAdvanced\"]");
        assertThat(result.get("events").get(0).get("sequence").asLong()).isZero();
        assertThat(result.get("events").get(0).get("customerId").asText()).isEqualTo("cust-dry-new");
        assertThat(answer.json().get("basedOn").get("sequence").isNull()).isTrue();
        assertThat(answer.json().get("state").get("consents").get("SMS").asBoolean()).isTrue();
        assertThat(engine.eventCount("cust-dry-new")).isZero();
        assertThat(api.get("/api/customers/cust-dry-new/events").status()).isEqualTo(404);
        assertNothingWritten();
    }

    @Test
    void afterDryRunsRealTouchpointsContinueTheRealStream() {
        dryRun(Map.of("customerId", CUSTOMER, "touchpoints", List.of(
                touchpoint("d-view-dry", null, "WEB", "2026-11-22T11:00:00Z", "PRODUCT_VIEWED", Map.of("sku", "A")))));
        Answer real = api.post("/api/touchpoints", touchpoint("d-view-real", CUSTOMER, "WEB", "2026-11-22T11:00:00Z",
                                                              "PRODUCT_VIEWED", Map.of("sku", "A")));
        assertThat(real.status()).isEqualTo(200);
        List<JsonNode> stream = StateFold.stream(api, CUSTOMER);
        assertThat(stream.get(stream.size() - 1).get("metadata").get("touchpointId").asText()).isEqualTo("d-view-real");
        assertThat(stream).noneMatch(e -> e.get("metadata").get("touchpointId").asText().equals("d-view-dry"));
        last = stream.size() - 1;
    }

    @Test
    void badDryRunsAreRefused() {
        Answer noCustomer = dryRun(Map.of("touchpoints", List.of()));
        assertThat(noCustomer.status()).isEqualTo(400);
        assertThat(noCustomer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(noCustomer.json().get("errors")).hasSize(2);
        Answer beyond = dryRun(Map.of("customerId", CUSTOMER, "atSequence", 9_999, "touchpoints", List.of(
                touchpoint("x", null, "WEB", "2026-11-22T10:00:00Z", "PRODUCT_VIEWED", Map.of("sku", "A")))));
        assertThat(beyond.status()).isEqualTo(404);
        assertThat(beyond.code()).isEqualTo("SEQUENCE_NOT_FOUND");
        Answer unknown = dryRun(Map.of("customerId", "cust-nobody", "atSequence", 0, "touchpoints", List.of(
                touchpoint("x", null, "WEB", "2026-11-22T10:00:00Z", "PRODUCT_VIEWED", Map.of("sku", "A")))));
        assertThat(unknown.code()).isEqualTo("CUSTOMER_NOT_FOUND");
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(Map.of("touchpointId", "m" + i));
        }
        assertThat(dryRun(Map.of("customerId", CUSTOMER, "touchpoints", many)).code()).isEqualTo("BATCH_TOO_LARGE");
        assertThat(api.post("/api/debug/dry-run", "[1,").code()).isEqualTo("MALFORMED_JSON");
        Answer agent = api.post("/api/admin/keys", Map.of("name", "agent", "roles", List.of("AGENT")));
        assertThat(engine.api(agent.json().get("key").asText()).post("/api/debug/dry-run", "{}").status())
                .isEqualTo(403);
        before = counts();
        assertNothingWritten();
    }

    private static Answer dryRun(Object body) {
        return api.post("/api/debug/dry-run", body);
    }

    private void assertNothingWritten() {
        assertThat(counts()).isEqualTo(before);
    }

    /** Rows of every table a touchpoint writes or changes, and of the views. */
    private static Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("domain_event_entry", "snapshot_event_entry", "touchpoint_receipt",
                                    "identity_index", "journey_state_checkpoint", "cart_view_line",
                                    "timeline_entry", "customer_profile", "customer_order")) {
            counts.put(table, engine.database().queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        counts.put("max global_index", engine.database().queryForObject(
                "SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class));
        return counts;
    }
}
