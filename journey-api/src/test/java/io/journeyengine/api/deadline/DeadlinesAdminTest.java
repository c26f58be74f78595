package io.journeyengine.api.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RefuseEventTrigger;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/admin/deadlines}: pending deadlines per kind and the next due; a deadline whose delivery fails is
 * retried, and parked and reported after {@code journey.deadlines.max-attempts} (3 here) failed attempts, while the
 * others go on. The database itself refuses the journey's write ({@link RefuseEventTrigger}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadlinesAdminTest {

    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start("journey.clock.start=2026-11-20T10:05:00Z", "journey.clock.adjustable=true",
                                     "journey.cart.abandon-after=PT3H", "journey.conversation.idle-close-after=P7D",
                                     "journey.deadlines.max-attempts=3", "journey.deadlines.retry-backoff=PT0.2S",
                                     "db-scheduler.polling-interval=300ms");
        api = engine.api();
    }

    @AfterAll
    static void stop() {
        RefuseEventTrigger.remove(engine);
        engine.stop();
    }

    private static void send(String id, String customer, String channel, String at, String type,
                             Map<String, ?> data) {
        Answer answer = api.post("/api/touchpoints", touchpoint(id, customer, channel, at, type, data));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static void cartAdd(String id, String customer, String at) {
        Map<String, Object> data = new HashMap<>();
        data.put("sku", "BOOTS-42");
        data.put("quantity", 1);
        data.put("unitPrice", "89.90");
        data.put("currency", "EUR");
        send(id, customer, "WEB", at, "CART_ITEM_ADDED", data);
    }

    private static JsonNode kind(JsonNode report, String kind) {
        for (JsonNode k : report.get("kinds")) {
            if (k.get("kind").asText().equals(kind)) {
                return k;
            }
        }
        throw new AssertionError("no kind " + kind + " in " + report);
    }

    @Test
    @Order(1)
    void pendingDeadlinesPerKindWithTheNextDue() {
        JsonNode empty = api.get("/api/admin/deadlines").json();
        assertThat(empty.get("pending").asLong()).isZero();
        assertThat(empty.get("nextDue").isNull()).isTrue();
        assertThat(empty.get("kinds")).hasSize(3);

        String customer = "cust-deadlines-1";
        send("dl-consent", customer, "SMS", "2026-11-20T09:00:00Z", "CONSENT_CHANGED",
             Map.of("channel", "SMS", "granted", true));
        send("dl-code", customer, "SMS", "2026-11-20T09:01:00Z", "PROMO_CODE_SENT",
             Map.of("promotionId", "winter-10", "code", "DL-1", "discountPercent", 10, "validChannels", List.of("ALL"),
                    "expiresAt", "2026-12-31T23:59:59Z"));
        send("dl-chat", customer, "WHATSAPP", "2026-11-20T09:30:00Z", "CONVERSATION_STARTED",
             Map.of("conversationId", "dl-conv", "topic", "sizes"));
        cartAdd("dl-cart-1", customer, "2026-11-20T10:00:00Z");
        cartAdd("dl-cart-2", customer, "2026-11-20T10:02:00Z");

        Answer answer = api.get("/api/admin/deadlines");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.get("pending").asLong()).isEqualTo(3);
        // Due 3 hours after the last cart activity (10:02), but not sooner than 3 hours after the engine heard of it
        // (at about 10:05 on its clock): nextDue is when it will fire.
        Instant cartFires = Instant.parse(kind(report, "cart-abandonment").get("nextDue").asText());
        assertThat(cartFires).isBetween(Instant.parse("2026-11-20T13:05:00Z"), Instant.parse("2026-11-20T13:07:00Z"));
        assertThat(report.get("nextDue").asText()).isEqualTo(kind(report, "cart-abandonment").get("nextDue").asText());
        assertThat(kind(report, "cart-abandonment").get("pending").asLong()).isEqualTo(1);
        assertThat(kind(report, "promo-expiry").get("pending").asLong()).isEqualTo(1);
        assertThat(kind(report, "promo-expiry").get("nextDue").asText()).isEqualTo("2026-12-31T23:59:59.001Z");
        assertThat(kind(report, "conversation-idle").get("pending").asLong()).isEqualTo(1);
        assertThat(Instant.parse(kind(report, "conversation-idle").get("nextDue").asText()))
                .isBetween(Instant.parse("2026-11-27T10:05:00Z"), Instant.parse("2026-11-27T10:07:00Z"));
        assertThat(report.get("maxAttempts").asInt()).isEqualTo(3);
        assertThat(report.get("parked").asLong()).isZero();

        // A checkout cancels the abandonment: it is no longer pending.
        send("dl-checkout", customer, "APP", "2026-11-20T10:04:00Z", "CHECKOUT_COMPLETED",
             Map.of("orderId", "dl-order-1", "fulfilment", "DELIVERY"));
        JsonNode after = api.get("/api/admin/deadlines").json();
        assertThat(kind(after, "cart-abandonment").get("pending").asLong()).isZero();
        assertThat(kind(after, "cart-abandonment").get("nextDue").isNull()).isTrue();
        assertThat(after.get("pending").asLong()).isEqualTo(2);
        assertThat(after.get("nextDue").asText()).isEqualTo(kind(after, "conversation-idle").get("nextDue").asText());
    }

    @Test
    @Order(2)
    void aFailingDeadlineIsRetriedAndAfterThreeFailedAttemptsParkedAndReported() {
        RefuseEventTrigger.install(engine);
        RefuseEventTrigger.refuse(engine, "cust-deadline-retried", "CartAbandoned", 1);
        RefuseEventTrigger.refuse(engine, "cust-deadline-parked", "CartAbandoned", Integer.MAX_VALUE);
        cartAdd("dl-retried", "cust-deadline-retried", "2026-11-20T10:03:00Z");
        cartAdd("dl-parked", "cust-deadline-parked", "2026-11-20T10:03:00Z");
        cartAdd("dl-healthy", "cust-deadline-healthy", "2026-11-20T10:03:00Z");

        engine.clock().advance(Duration.ofHours(4));

        JsonNode report = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/admin/deadlines").json(), r -> r.get("parked").asLong() == 1);
        JsonNode parked = report.get("parkedDeadlines").get(0);
        assertThat(parked.get("customerId").asText()).isEqualTo("cust-deadline-parked");
        assertThat(parked.get("kind").asText()).isEqualTo("cart-abandonment");
        assertThat(parked.get("deadlineName").asText()).isEqualTo("cart-abandonment");
        assertThat(parked.get("dueAt").asText()).isEqualTo("2026-11-20T13:03:00Z");
        assertThat(parked.get("failures").asInt()).isEqualTo(3);
        assertThat(parked.get("parkedAt").isNull()).isFalse();
        assertThat(parked.get("nextAttemptAt").isNull()).isTrue();
        assertThat(parked.get("lastError").asText()).contains("CartAbandoned refused by the test's trigger");
        assertThat(kind(report, "cart-abandonment").get("pending").asLong())
                .as("a parked deadline is not pending").isZero();

        // The one refused once was retried and fired once; the healthy one fired; the parked one left nothing.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(events("cust-deadline-retried", "CartAbandoned")).isEqualTo(1);
            assertThat(events("cust-deadline-healthy", "CartAbandoned")).isEqualTo(1);
        });
        assertThat(events("cust-deadline-parked", "CartAbandoned")).isZero();
        assertThat(api.get("/api/admin/deadlines").json().get("retrying").asLong()).isZero();
    }

    @Test
    @Order(3)
    void onlyAnAdminMayLookAndABadLimitIsRefused() {
        assertThat(engine.anonymous().get("/api/admin/deadlines").status()).isEqualTo(401);
        Answer key = api.post("/api/admin/keys", Map.of("name", "dl-analyst", "roles", List.of("ANALYST")));
        assertThat(key.status()).isEqualTo(201);
        Answer analyst = engine.api(key.json().get("key").asText()).get("/api/admin/deadlines");
        assertThat(analyst.status()).isEqualTo(403);
        assertThat(analyst.isProblem()).isTrue();

        for (String limit : List.of("0", "1001", "many")) {
            Answer bad = api.get("/api/admin/deadlines?limit=" + limit);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.isProblem()).isTrue();
            assertThat(bad.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
        }
        assertThat(api.get("/api/admin/deadlines?limit=1").status()).isEqualTo(200);
    }

    private static long events(String customer, String type) {
        Long n = engine.database().queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                Long.class, customer, "%." + type);
        return n == null ? 0 : n;
    }
}
