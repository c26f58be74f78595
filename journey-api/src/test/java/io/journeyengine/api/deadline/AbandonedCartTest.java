package io.journeyengine.api.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Abandoned carts over HTTP on the real application: the engine's clock is moved past the abandonment delay, the
 * deadline fires by itself, the reminder shows in the timeline and the cart analytics, and a later checkout counts
 * as a recovery. A cart reported late is judged in business time, but the engine waits the delay after receiving it.
 */
class AbandonedCartTest {

    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start("journey.clock.start=2026-11-20T10:05:00Z", "journey.clock.adjustable=true",
                                     "journey.cart.abandon-after=PT3H", "journey.conversation.idle-close-after=P7D");
        api = engine.api();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    private static void send(String id, String customer, String channel, String at, String type, Map<String, ?> data) {
        Api.Answer answer = api.post("/api/touchpoints", touchpoint(id, customer, channel, at, type, data));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static Map<String, Object> item(String sku, int quantity, String price) {
        Map<String, Object> data = new HashMap<>();
        data.put("sku", sku);
        data.put("quantity", quantity);
        data.put("unitPrice", price);
        data.put("currency", "EUR");
        return data;
    }

    @Test
    void aLeftCartIsRemindedOnMessengerHoursLaterAndACheckoutRecoversIt() {
        String customer = "cust-abandon-1";
        send("ab-consent", customer, "MESSENGER", "2026-11-20T09:00:00Z", "CONSENT_CHANGED",
             Map.of("channel", "MESSENGER", "granted", true));
        send("ab-web1", customer, "WEB", "2026-11-20T10:00:00Z", "CART_ITEM_ADDED", item("BOOTS-42", 2, "89.90"));
        send("ab-web2", customer, "WEB", "2026-11-20T10:01:00Z", "CART_ITEM_ADDED", item("SOCKS-3P", 1, "12.50"));

        engine.clock().advance(Duration.ofHours(3));

        JsonNode reminder = await().atMost(Duration.ofSeconds(20)).until(
                () -> lastTouchpoint(customer), t -> t != null && "CART_REMINDER_SENT".equals(t.path("type").asText()));
        assertThat(reminder.path("channel").asText()).isEqualTo("MESSENGER");
        assertThat(reminder.path("occurredAt").asText()).isEqualTo("2026-11-20T13:01:00Z");
        assertThat(reminder.path("summary").asText()).contains("3 items, 192.30 EUR");

        // The reminder's causation names the deadline and the cart touchpoint that set it.
        JsonNode metaData = metaDataOf(customer, "CartReminderSent");
        assertThat(metaData.path("causationId").asText()).isEqualTo("deadline:cart-abandonment@ab-web2");
        assertThat(metaData.path("deadline").asText()).isEqualTo("cart-abandonment");
        assertThat(metaData.path("deadlineCause").asText()).isEqualTo("ab-web2");
        assertThat(metaDataOf(customer, "CartAbandoned").path("causationId").asText())
                .isEqualTo("deadline:cart-abandonment@ab-web2");

        send("ab-app-checkout", customer, "APP", "2026-11-20T14:00:00Z", "CHECKOUT_COMPLETED",
             Map.of("orderId", "ab-order-1", "fulfilment", "DELIVERY"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/api/analytics/carts").json().toString()).isEqualTo(
                "{\"abandoned\":1,\"reminded\":1,\"recovered\":1,\"recoveryRate\":1.0,\"recoveredByChannel\":{\"APP\":1}}"));
    }

    @Test
    void aCartReportedLateIsAbandonedAtItsBusinessTimeButOnlyAfterTheEngineWaitedTheDelay() {
        // Two carts of yesterday morning arrive now; one of them was bought half an hour later, reported next.
        send("late-left", "cust-late-left", "WEB", "2026-11-19T08:00:00Z", "CART_ITEM_ADDED", item("HAT", 1, "20.00"));
        send("late-bought", "cust-late-bought", "WEB", "2026-11-19T08:00:00Z", "CART_ITEM_ADDED",
             item("HAT", 1, "20.00"));
        send("late-checkout", "cust-late-bought", "APP", "2026-11-19T08:30:00Z", "CHECKOUT_COMPLETED",
             Map.of("orderId", "late-order-1", "fulfilment", "DELIVERY"));

        // Due yesterday at 11:00 by business time, the abandonment waits 3 hours from now instead of firing at once,
        // so the checkout that followed could still arrive.
        Instant now = engine.clock().instant();
        OffsetDateTime firesAt = engine.database().queryForObject(
                "SELECT t.execution_time FROM journey_deadline d JOIN scheduled_tasks t "
                        + "ON t.task_instance = d.schedule_id WHERE d.customer_id = ?",
                OffsetDateTime.class, "cust-late-left");
        assertThat(firesAt.toInstant()).isBetween(now.plus(Duration.ofHours(3)).minusSeconds(30),
                                                   now.plus(Duration.ofHours(3)));
        assertThat(events("cust-late-bought", "CartAbandoned")).isZero();
        assertThat(events("cust-late-left", "CartAbandoned")).isZero();

        engine.clock().advance(Duration.ofHours(3));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(events("cust-late-left", "CartAbandoned")).isEqualTo(1));
        assertThat(events("cust-late-bought", "CartAbandoned")).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get(
                "/api/analytics/carts?from=2026-11-19T00:00:00Z&to=2026-11-20T00:00:00Z").json().get("abandoned")
                .asLong()).isEqualTo(1));
    }

    private static long events(String customer, String type) {
        Long n = engine.database().queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                Long.class, customer, "%." + type);
        return n == null ? 0 : n;
    }

    /** The metadata of the customer's one event of type {@code eventType}, as stored. */
    private static JsonNode metaDataOf(String customer, String eventType) {
        byte[] stored = engine.database().queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                byte[].class, customer, "%." + eventType);
        try {
            return Api.JSON.readTree(stored);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode lastTouchpoint(String customer) {
        JsonNode touchpoints = api.get("/api/customers/" + customer + "/timeline").json().path("touchpoints");
        return touchpoints.isEmpty() ? null : touchpoints.get(touchpoints.size() - 1);
    }
}
