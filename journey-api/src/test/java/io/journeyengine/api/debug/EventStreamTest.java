package io.journeyengine.api.debug;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The raw stream of a customer over HTTP: every event in order with its business and storage time, payload and the
 * metadata that says which touchpoint, channel, request and command caused it; paged; refusals for an unknown
 * customer and bad paging.
 */
class EventStreamTest {

    private static final String CUSTOMER = "cust-stream";
    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
        api = engine.api();
        CanonicalJourney.send(api, CUSTOMER, "tp");
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void theStreamHoldsEveryEventOfTheJourneyInOrderWithItsTouchpoint() {
        Answer answer = api.get("/api/customers/" + CUSTOMER + "/events");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode events = answer.json().get("events");
        assertThat(answer.json().get("customerId").asText()).isEqualTo(CUSTOMER);
        assertThat(answer.json().get("nextSequence").isNull()).isTrue();
        assertThat(events).hasSize((int) engine.eventCount(CUSTOMER));
        List<String> types = new ArrayList<>();
        long previousPosition = -1;
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("sequence").asLong()).isEqualTo(i);
            assertThat(event.get("position").asLong()).isGreaterThan(previousPosition);
            previousPosition = event.get("position").asLong();
            assertThat(event.get("customerId").asText()).isEqualTo(CUSTOMER);
            assertThat(event.get("eventId").asText()).isNotBlank();
            assertThat(event.get("payloadType").asText()).startsWith("io.journeyengine.journey.")
                                                         .endsWith("." + event.get("type").asText());
            assertThat(Instant.parse(event.get("recordedAt").asText())).isBefore(Instant.now().plusSeconds(1));
            JsonNode payload = event.get("payload");
            assertThat(payload.get("customerId").asText()).isEqualTo(CUSTOMER);
            // occurredAt is the causing touchpoint's business time, as the payload holds it.
            assertThat(event.get("occurredAt").asText()).isEqualTo(payload.get("touchpoint").get("occurredAt").asText());
            assertThat(event.get("metadata").get("touchpointId").asText())
                    .isEqualTo(payload.get("touchpoint").get("id").asText());
            assertThat(event.get("metadata").get("channel").asText())
                    .isEqualTo(payload.get("touchpoint").get("channel").asText());
            types.add(event.get("type").asText());
        }
        assertThat(types).containsExactly(
                "JourneyStarted", "ConsentChanged", "LifecycleStageAdvanced",
                "PromoCodeSent",
                "ConversationStarted",
                "ConversationMessageLogged",
                "CartItemAdded",
                "CartItemAdded",
                "InStorePurchaseMade", "PromoCodeRedeemed", "LifecycleStageAdvanced");
        // The refused second redemption left nothing in the stream.
        assertThat(answer.body()).doesNotContain("tp-8").doesNotContain("app-1");
        // Money keeps its scale: the stored 89.90 is not 89.9.
        assertThat(answer.body()).contains("\"unitPrice\":89.90");
        assertThat(events.get(0).get("occurredAt").asText()).isEqualTo("2026-11-20T08:59:00Z");
    }

    @Test
    void theEventsOfOneTouchpointShareItsCausationAndTheEventsOfOneRequestShareItsCorrelation() {
        String customer = "cust-stream-batch";
        List<Object> batch = List.of(
                touchpoint("b-1", customer, "WEB", "2026-11-20T10:00:00Z", "CART_ITEM_ADDED",
                           Map.of("sku", "A", "quantity", 1, "unitPrice", "10.00", "currency", "EUR")),
                touchpoint("b-2", customer, "APP", "2026-11-20T10:05:00Z", "CHECKOUT_COMPLETED",
                           Map.of("orderId", "o-1", "fulfilment", "DELIVERY")));
        Answer sent = api.post("/api/touchpoints/batch", batch, Map.of("X-Request-Id", "req-night-shift-1"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        Answer single = api.post("/api/touchpoints", touchpoint("b-3", customer, "WEB", "2026-11-21T10:00:00Z",
                                                                "PRODUCT_VIEWED", Map.of("sku", "B")));
        assertThat(single.status()).isEqualTo(200);

        JsonNode events = api.get("/api/customers/" + customer + "/events").json().get("events");
        Map<String, Set<String>> causations = new java.util.TreeMap<>();
        Map<String, Set<String>> correlations = new java.util.TreeMap<>();
        for (JsonNode event : events) {
            JsonNode metadata = event.get("metadata");
            String touchpointId = metadata.get("touchpointId").asText();
            causations.computeIfAbsent(touchpointId, k -> new HashSet<>()).add(metadata.get("causationId").asText());
            correlations.computeIfAbsent(touchpointId, k -> new HashSet<>())
                        .add(metadata.get("correlationId").asText());
            assertThat(metadata.get("receivedAt").asText()).isNotBlank();
        }
        assertThat(causations.keySet()).containsExactly("b-1", "b-2", "b-3");
        // One causation per touchpoint (the command it became), different for each touchpoint.
        causations.values().forEach(ids -> assertThat(ids).hasSize(1));
        assertThat(new HashSet<>(List.of(causations.get("b-1"), causations.get("b-2"), causations.get("b-3"))))
                .hasSize(3);
        // One correlation per request: the batch's X-Request-Id for both of its touchpoints, another for b-3.
        assertThat(correlations.get("b-1")).containsExactly("req-night-shift-1");
        assertThat(correlations.get("b-2")).containsExactly("req-night-shift-1");
        assertThat(correlations.get("b-3")).hasSize(1).doesNotContain("req-night-shift-1");
    }

    @Test
    void pagesFollowEachOtherUntilTheLastHasNoNextSequence() {
        List<JsonNode> all = new ArrayList<>();
        Long from = 0L;
        int pages = 0;
        while (from != null) {
            Answer page = api.get("/api/customers/" + CUSTOMER + "/events?fromSequence=" + from + "&limit=4");
            assertThat(page.status()).isEqualTo(200);
            page.json().get("events").forEach(all::add);
            JsonNode next = page.json().get("nextSequence");
            from = next.isNull() ? null : next.asLong();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize((int) engine.eventCount(CUSTOMER));
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).get("sequence").asLong()).isEqualTo(i);
        }
        Answer first = api.get("/api/customers/" + CUSTOMER + "/events?limit=4");
        assertThat(first.json().get("nextSequence").asLong()).isEqualTo(4);
        Answer beyond = api.get("/api/customers/" + CUSTOMER + "/events?fromSequence=500");
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.json().get("events")).isEmpty();
        assertThat(beyond.json().get("nextSequence").isNull()).isTrue();
    }

    @Test
    void anUnknownCustomerIsA404() {
        Answer answer = api.get("/api/customers/cust-nobody/events");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.code()).isEqualTo("CUSTOMER_NOT_FOUND");
    }

    @Test
    void badPagingIsA400NamingEachParameter() {
        for (String query : List.of("limit=0", "limit=1001", "limit=ten", "fromSequence=-1", "fromSequence=x")) {
            Answer answer = api.get("/api/customers/" + CUSTOMER + "/events?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(query.split("=")[0]);
        }
        Answer both = api.get("/api/customers/" + CUSTOMER + "/events?fromSequence=-3&limit=0");
        assertThat(both.json().get("errors")).hasSize(2);
    }

    @Test
    void onlyDevelopersReadTheStream() {
        Answer created = api.post("/api/admin/keys", Map.of("name", "agent-only", "roles", List.of("AGENT")));
        Answer asAgent = engine.api(created.json().get("key").asText()).get("/api/customers/" + CUSTOMER + "/events");
        assertThat(asAgent.status()).isEqualTo(403);
        assertThat(engine.anonymous().get("/api/customers/" + CUSTOMER + "/events").status()).isEqualTo(401);
    }
}
