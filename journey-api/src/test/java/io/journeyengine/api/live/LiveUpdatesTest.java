package io.journeyengine.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.debug.CanonicalJourney;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import io.journeyengine.api.support.SseClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code GET /api/customers/{id}/updates}: a real SSE client follows the canonical journey, loses its connection,
 * reconnects with {@code Last-Event-ID} and gets exactly what it missed. What it must receive is worked out here from
 * the customer's raw stream and the test's own list of which event types each topic covers.
 */
class LiveUpdatesTest {

    /** Which events are live updates, by topic: the test's own reading of the issue, not the engine's code. */
    private static final Map<String, List<String>> TOPICS = Map.of(
            "cart", List.of("CartItemAdded", "CartItemRemoved", "CartAbandoned", "CartReminderSent",
                            "AbandonedCartRecovered", "CheckoutCompleted"),
            "promotion", List.of("PromoCodeSent", "PromoCodeRedeemed", "PromoCodeExpired", "PromoCodeReinstated"),
            "stage", List.of("LifecycleStageAdvanced", "LifecycleStageCorrected"),
            "conversation", List.of("ConversationStarted", "ConversationMessageLogged", "ConversationHandedOver",
                                    "ConversationClosed", "ConversationIdleClosed"));
    private static final Duration WAIT = Duration.ofSeconds(20);

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

    @Test
    void aClientFollowsTheCanonicalJourneyAndAfterReconnectingGetsExactlyWhatItMissed() throws Exception {
        String customer = "cust-live-1";
        List<ObjectNode> journey = CanonicalJourney.applied(customer, "live");
        send(journey.get(0));

        List<SseClient.Event> received = new ArrayList<>();
        SseClient first = SseClient.connect(api.base(), api.key(), "/api/customers/" + customer + "/updates", null);
        assertThat(first.contentType()).startsWith("text/event-stream");
        long before = lastPosition(customer);
        for (ObjectNode touchpoint : journey.subList(1, 5)) {
            send(touchpoint);
        }
        List<Expected> duringFirst = expectedAfter(customer, before);
        assertThat(duringFirst).as("updates from the code, the chat and the first cart line").isNotEmpty();
        received.addAll(first.take(duringFirst.size(), WAIT));
        assertThat(positionsAndTypes(received)).isEqualTo(duringFirst);
        first.close();

        // While the phone is offline: the second cart line and the purchase at the till.
        long lastSeen = Long.parseLong(received.get(received.size() - 1).id());
        send(journey.get(5));
        send(journey.get(6));
        List<Expected> missed = expectedAfter(customer, lastSeen);
        assertThat(missed).as("updates missed while offline").isNotEmpty();

        try (SseClient again = SseClient.connect(api.base(), api.key(), "/api/customers/" + customer + "/updates",
                                                 Long.toString(lastSeen))) {
            List<SseClient.Event> caughtUp = again.take(missed.size(), WAIT);
            assertThat(positionsAndTypes(caughtUp)).as("exactly the missed updates, in order").isEqualTo(missed);
            received.addAll(caughtUp);

            // And it is live again: a line removed on the app arrives once.
            long beforeRemove = lastPosition(customer);
            send(touchpoint("live-9", customer, "APP", "2026-11-21T17:00:00Z", "CART_ITEM_REMOVED",
                            Map.of("sku", "SOCKS-3P", "quantity", 1)));
            List<Expected> live = expectedAfter(customer, beforeRemove);
            List<SseClient.Event> afterRemove = again.take(live.size(), WAIT);
            assertThat(positionsAndTypes(afterRemove)).isEqualTo(live);
            received.addAll(afterRemove);
            assertThat(again.next(Duration.ofMillis(500))).as("nothing more, nothing twice").isNull();
        }

        // The whole run: every update of the journey after the subscription, once, in order.
        assertThat(positionsAndTypes(received)).isEqualTo(expectedAfter(customer, before));
        SseClient.Event cartLine = received.stream().filter(e -> e.data().path("type").asText()
                .equals("CartItemAdded")).findFirst().orElseThrow();
        assertThat(cartLine.name()).isEqualTo("cart");
        assertThat(cartLine.data().path("customerId").asText()).isEqualTo(customer);
        assertThat(cartLine.data().path("channel").asText()).isEqualTo("WEB");
        assertThat(cartLine.data().path("touchpointId").asText()).isEqualTo("live-5");
        assertThat(cartLine.data().path("data").path("sku").asText()).isEqualTo("BOOTS-42");
    }

    @Test
    void aClientMayListenToSomeTopicsOnlyAndResumeWithTheQueryParameter() throws Exception {
        String customer = "cust-live-2";
        List<ObjectNode> journey = CanonicalJourney.applied(customer, "live2");
        send(journey.get(0));
        long start = lastPosition(customer);
        for (ObjectNode touchpoint : journey.subList(1, 7)) {
            send(touchpoint);
        }
        List<Expected> carts = expectedAfter(customer, start).stream().filter(e -> e.topic().equals("cart")).toList();
        assertThat(carts).hasSize(2);
        try (SseClient cartOnly = SseClient.connect(api.base(), api.key(), "/api/customers/" + customer
                + "/updates?topics=cart&after=" + start, null)) {
            assertThat(positionsAndTypes(cartOnly.take(2, WAIT))).isEqualTo(carts);
            assertThat(cartOnly.next(Duration.ofMillis(500))).as("no other topic").isNull();
        }
    }

    @Test
    void badRequestsAreRefusedWithAProblem() {
        send(touchpoint("live-r1", "cust-live-3", "WEB", "2026-11-20T10:00:00Z", "CART_ITEM_ADDED",
                        Map.of("sku", "BOOTS-42", "quantity", 1, "unitPrice", "89.90", "currency", "EUR")));
        String path = "/api/customers/cust-live-3/updates";
        assertThat(engine.anonymous().get(path).status()).isEqualTo(401);
        Answer key = api.post("/api/admin/keys", Map.of("name", "live-analyst", "roles", List.of("ANALYST")));
        assertThat(key.status()).isEqualTo(201);
        Answer analyst = engine.api(key.json().get("key").asText()).get(path);
        assertThat(analyst.status()).isEqualTo(403);
        assertThat(analyst.isProblem()).isTrue();

        Answer unknown = api.get("/api/customers/cust-nobody/updates");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("CUSTOMER_NOT_FOUND");
        for (String query : List.of("?after=-1", "?after=abc", "?topics=cart,weather")) {
            Answer bad = api.get(path + query);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.isProblem()).isTrue();
            assertThat(bad.code()).isEqualTo("VALIDATION_FAILED");
        }
        Answer badHeader = api.get(path, Map.of("Last-Event-ID", "yesterday"));
        assertThat(badHeader.status()).isEqualTo(400);
        assertThat(badHeader.json().get("errors").get(0).get("field").asText()).isEqualTo("Last-Event-ID");
        assertThatThrownBy(() -> SseClient.connect(api.base(), api.key(), "/api/customers/cust-nobody/updates", null))
                .hasMessageContaining("404");
    }

    @Test
    void aChannelKeyMayListenToo() throws Exception {
        String customer = "cust-live-4";
        send(touchpoint("live-c1", customer, "WEB", "2026-11-20T10:00:00Z", "CART_ITEM_ADDED",
                        Map.of("sku", "BOOTS-42", "quantity", 1, "unitPrice", "89.90", "currency", "EUR")));
        Answer key = api.post("/api/admin/keys", Map.of("name", "live-app", "roles", List.of("CHANNEL"),
                                                        "channels", List.of("APP")));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        try (SseClient app = SseClient.connect(api.base(), key.json().get("key").asText(),
                                               "/api/customers/" + customer + "/updates?after=0", null)) {
            assertThat(app.take(1, WAIT).get(0).data().path("type").asText()).isIn("CartItemAdded",
                                                                                   "LifecycleStageAdvanced");
        }
    }

    private record Expected(long position, String topic, String type) {
    }

    private static List<Expected> positionsAndTypes(List<SseClient.Event> events) {
        return events.stream().map(e -> new Expected(Long.parseLong(e.id()), e.name(),
                                                     e.data().path("type").asText())).toList();
    }

    /** The customer's events after {@code position} that are live updates, read from the raw stream. */
    private static List<Expected> expectedAfter(String customer, long position) {
        List<Expected> expected = new ArrayList<>();
        for (JsonNode event : api.get("/api/customers/" + customer + "/events?limit=1000").json().path("events")) {
            long at = event.path("position").asLong();
            String type = event.path("type").asText();
            if (at <= position) {
                continue;
            }
            TOPICS.forEach((topic, types) -> {
                if (types.contains(type)) {
                    expected.add(new Expected(at, topic, type));
                }
            });
        }
        return expected;
    }

    private static long lastPosition(String customer) {
        long last = -1;
        for (JsonNode event : api.get("/api/customers/" + customer + "/events?limit=1000").json().path("events")) {
            last = Math.max(last, event.path("position").asLong());
        }
        return last;
    }

    private static void send(ObjectNode touchpoint) {
        Answer answer = api.post("/api/touchpoints", touchpoint);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
