package io.journeyengine.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.debug.CanonicalJourney;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import io.journeyengine.api.support.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks against a real local HTTP receiver: signed deliveries of the canonical journey in order, retries until a
 * flaky receiver accepts each event exactly once, parking and redelivery, a restart in the middle, and the admin
 * endpoint's refusals. What must arrive is read from the customer's raw stream, not from the engine's outbox.
 */
class WebhooksTest {

    private static final String SECRET = "test-webhook-secret-0123456789";
    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start("journey.webhooks.poll-interval=100ms", "journey.webhooks.retry-backoff=PT0.1S",
                                     "journey.webhooks.max-attempts=5");
        api = engine.api();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void theCanonicalJourneyArrivesSignedInOrderOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver((delivery, attempt) -> 200)) {
            String webhook = register(receiver, List.of("*"));
            String customer = "cust-wh-1";
            CanonicalJourney.send(api, customer, "wh1");
            List<Long> expected = positions(customer);

            await().atMost(Duration.ofSeconds(30)).until(() -> ofCustomer(receiver.accepted(), customer).size()
                    >= expected.size());
            List<WebhookReceiver.Received> got = ofCustomer(receiver.accepted(), customer);
            assertThat(got.stream().map(r -> r.json().path("position").asLong()).toList())
                    .as("every event of the journey, once, in order").isEqualTo(expected);
            for (WebhookReceiver.Received request : got) {
                assertThat(request.contentType()).isEqualTo("application/cloudevents+json");
                assertSignedWith(SECRET, request);
                JsonNode event = request.json();
                assertThat(event.path("specversion").asText()).isEqualTo("1.0");
                assertThat(event.path("type").asText()).startsWith("io.journeyengine.");
                assertThat(event.path("subject").asText()).isEqualTo(customer);
                assertThat(event.path("id").asText()).isNotBlank();
            }
            JsonNode redeemed = got.stream().map(WebhookReceiver.Received::json)
                    .filter(e -> e.path("type").asText().equals("io.journeyengine.PromoCodeRedeemed")).findFirst()
                    .orElseThrow();
            assertThat(redeemed.path("channel").asText()).isEqualTo("STORE");
            assertThat(redeemed.path("data").path("code").asText()).isEqualTo(CanonicalJourney.CODE);
            api.delete("/api/admin/webhooks/" + webhook);
        }
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsEachEventOnceAfterTheRetries() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver((delivery, attempt) -> attempt <= 3 ? 500 : 204)) {
            String webhook = register(receiver, List.of("CartItemAdded", "PromoCodeRedeemed"));
            String customer = "cust-wh-2";
            CanonicalJourney.send(api, customer, "wh2");
            List<Long> expected = positions(customer, List.of("CartItemAdded", "PromoCodeRedeemed"));
            assertThat(expected).hasSize(3);

            await().atMost(Duration.ofSeconds(60)).until(() -> ofCustomer(receiver.accepted(), customer).size()
                    >= expected.size());
            List<WebhookReceiver.Received> accepted = ofCustomer(receiver.accepted(), customer);
            assertThat(accepted.stream().map(r -> r.json().path("position").asLong()).toList()).isEqualTo(expected);
            assertThat(accepted).allSatisfy(r -> assertThat(r.attempt()).as("accepted at the fourth attempt")
                    .isEqualTo(4));
            // In order per customer: no attempt of a later event before the earlier one was accepted.
            List<Long> attemptedOrder = new ArrayList<>();
            ofCustomer(receiver.received(), customer).forEach(r -> {
                long position = r.json().path("position").asLong();
                if (attemptedOrder.isEmpty() || attemptedOrder.get(attemptedOrder.size() - 1) != position) {
                    attemptedOrder.add(position);
                }
            });
            assertThat(attemptedOrder).isEqualTo(expected);
            JsonNode listed = api.get("/api/admin/webhooks/" + webhook).json();
            assertThat(listed.path("deliveries").path("DELIVERED").asLong()).isEqualTo(3);
            assertThat(listed.has("secret")).as("the secret is never listed").isFalse();
            api.delete("/api/admin/webhooks/" + webhook);
        }
    }

    @Test
    void aReceiverThatAlwaysFailsEndsParkedWithItsReasonAndIsRedeliveredInOrder() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver((delivery, attempt) -> 503)) {
            String webhook = register(receiver, List.of("CartItemAdded"));
            String customer = "cust-wh-3";
            for (int i = 1; i <= 3; i++) {
                send(touchpoint("wh3-" + i, customer, "WEB", "2026-11-20T10:0" + i + ":00Z", "CART_ITEM_ADDED",
                                Map.of("sku", "SKU-" + i, "quantity", 1, "unitPrice", "9.90", "currency", "EUR")));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode parked = api.get("/api/admin/webhooks/" + webhook + "/deliveries?status=parked").json();
                assertThat(parked).hasSize(1);
                assertThat(parked.get(0).path("attempts").asInt()).isEqualTo(5);
                assertThat(parked.get(0).path("lastError").asText()).startsWith("HTTP 503");
            });
            // The customer's later events wait behind the parked one: never attempted.
            assertThat(ofCustomer(receiver.received(), customer).stream().map(r -> r.json().path("sequence")
                    .asLong()).distinct()).hasSize(1);
            assertThat(api.get("/api/admin/webhooks/" + webhook + "/deliveries?status=pending").json()).hasSize(2);

            receiver.answer((delivery, attempt) -> 200);
            Answer redelivered = api.post("/api/admin/webhooks/" + webhook + "/redeliver", "");
            assertThat(redelivered.status()).isEqualTo(200);
            assertThat(redelivered.json().path("redelivered").asInt()).isEqualTo(1);
            List<Long> expected = positions(customer, List.of("CartItemAdded"));
            await().atMost(Duration.ofSeconds(30)).until(() -> ofCustomer(receiver.accepted(), customer).size() >= 3);
            assertThat(ofCustomer(receiver.accepted(), customer).stream().map(r -> r.json().path("position")
                    .asLong()).toList()).isEqualTo(expected);
            api.delete("/api/admin/webhooks/" + webhook);
        }
    }

    @Test
    void aRestartInTheMiddleLosesNothing() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver((delivery, attempt) -> 503)) {
            String webhook = register(receiver, List.of("*"));
            String customer = "cust-wh-4";
            List<ObjectNode> journey = CanonicalJourney.applied(customer, "wh4");
            journey.subList(0, 4).forEach(WebhooksTest::send);
            await().atMost(Duration.ofSeconds(20)).until(() -> !ofCustomer(receiver.received(), customer).isEmpty());

            engine.restart();
            api = engine.api();
            journey.subList(4, journey.size()).forEach(WebhooksTest::send);
            receiver.answer((delivery, attempt) -> 200);
            api.post("/api/admin/webhooks/" + webhook + "/redeliver", "");
            List<Long> expected = positions(customer);
            await().atMost(Duration.ofSeconds(60)).until(() -> ofCustomer(receiver.accepted(), customer).size()
                    >= expected.size());
            assertThat(ofCustomer(receiver.accepted(), customer).stream().map(r -> r.json().path("position")
                    .asLong()).toList()).as("every event once, in order, across the restart").isEqualTo(expected);
            api.delete("/api/admin/webhooks/" + webhook);
        }
    }

    @Test
    void registeringIsForAdminsAndBadRegistrationsAreRefused() {
        String path = "/api/admin/webhooks";
        Map<String, Object> good = Map.of("name", "shop", "url", "https://shop.example/hooks",
                                          "eventTypes", List.of("CartItemAdded"));
        assertThat(engine.anonymous().post(path, good).status()).isEqualTo(401);
        Answer key = api.post("/api/admin/keys", Map.of("name", "wh-agent", "roles", List.of("AGENT")));
        assertThat(engine.api(key.json().get("key").asText()).post(path, good).status()).isEqualTo(403);

        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("url", "https://shop.example/hooks", "eventTypes", List.of("*")),
                Map.<String, Object>of("name", "shop", "url", "ftp://shop.example", "eventTypes", List.of("*")),
                Map.<String, Object>of("name", "shop", "url", "/relative", "eventTypes", List.of("*")),
                Map.<String, Object>of("name", "shop", "url", "https://shop.example", "eventTypes", List.of()),
                Map.<String, Object>of("name", "shop", "url", "https://shop.example", "eventTypes",
                                       List.of("CartExploded")),
                Map.<String, Object>of("name", "shop", "url", "https://shop.example", "eventTypes", List.of("*"),
                                       "secret", "short"))) {
            Answer refused = api.post(path, bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api.post(path, "[1,2]").status()).isEqualTo(400);
        assertThat(api.get(path + "/wh-nope").code()).isEqualTo("WEBHOOK_NOT_FOUND");
        assertThat(api.delete(path + "/wh-nope").status()).isEqualTo(404);
        assertThat(api.get(path + "/wh-nope/deliveries").status()).isEqualTo(404);

        Answer created = api.post(path, good);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("secret").asText()).startsWith("whsec_");
        String id = created.json().path("id").asText();
        assertThat(api.get(path + "/" + id + "/deliveries?status=lost").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get(path).json().toString()).contains(id).doesNotContain("whsec_");
        assertThat(api.delete(path + "/" + id).status()).isEqualTo(204);
        assertThat(api.get(path + "/" + id).status()).isEqualTo(404);
    }

    /** The receiver's own check, as docs/integration.md tells receivers to do it. */
    private static void assertSignedWith(String secret, WebhookReceiver.Received request) throws Exception {
        String[] parts = request.signature().split(",");
        assertThat(parts[0]).startsWith("t=");
        assertThat(parts[1]).startsWith("v1=");
        long timestamp = Long.parseLong(parts[0].substring(2));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).as("signed moments ago").isLessThan(300);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + request.body())
                                                                       .getBytes(StandardCharsets.UTF_8)));
        assertThat(parts[1].substring(3)).isEqualTo(expected);
    }

    private static String register(WebhookReceiver receiver, List<String> types) {
        Answer answer = api.post("/api/admin/webhooks", Map.of("name", "test receiver", "url", receiver.url(),
                                                               "eventTypes", types, "secret", SECRET));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asText();
    }

    private static List<WebhookReceiver.Received> ofCustomer(List<WebhookReceiver.Received> requests,
                                                             String customer) {
        return requests.stream().filter(r -> r.json() != null && customer.equals(r.json().path("subject").asText()))
                       .toList();
    }

    private static List<Long> positions(String customer) {
        return positions(customer, null);
    }

    /** The positions of the customer's events (of {@code types}, or all), from the raw stream. */
    private static List<Long> positions(String customer, List<String> types) {
        List<Long> positions = new ArrayList<>();
        for (JsonNode event : api.get("/api/customers/" + customer + "/events?limit=1000").json().path("events")) {
            if (types == null || types.contains(event.path("type").asText())) {
                positions.add(event.path("position").asLong());
            }
        }
        return positions;
    }

    private static void send(ObjectNode touchpoint) {
        Answer answer = api.post("/api/touchpoints", touchpoint);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
