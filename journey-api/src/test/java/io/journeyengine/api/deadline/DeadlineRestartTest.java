package io.journeyengine.api.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines are persistent: an abandonment scheduled before the application stops fires after it starts again on
 * the same H2 file database — one that came due while it was down at start-up, one that comes due later when the
 * clock gets there — and each reminder is sent exactly once, also across a further restart.
 */
class DeadlineRestartTest {

    private static RunningEngine engine;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start("journey.clock.start=2026-11-20T10:05:00Z", "journey.clock.adjustable=true",
                                     "journey.cart.abandon-after=PT3H", "journey.conversation.idle-close-after=P7D",
                                     "db-scheduler.polling-interval=300ms");
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    private static void send(Api api, String id, String customer, String channel, String at, String type,
                             Map<String, ?> data) {
        Api.Answer answer = api.post("/api/touchpoints", touchpoint(id, customer, channel, at, type, data));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static void leaveACart(Api api, String customer, String at) {
        send(api, customer + "-consent", customer, "MESSENGER", "2026-11-20T09:00:00Z", "CONSENT_CHANGED",
             Map.of("channel", "MESSENGER", "granted", true));
        Map<String, Object> item = new HashMap<>();
        item.put("sku", "BOOTS-42");
        item.put("quantity", 2);
        item.put("unitPrice", "89.90");
        item.put("currency", "EUR");
        send(api, customer + "-cart", customer, "WEB", at, "CART_ITEM_ADDED", item);
    }

    @Test
    void anAbandonmentScheduledBeforeARestartFiresAfterItExactlyOnce() {
        Api api = engine.api();
        leaveACart(api, "cust-restart-due-while-down", "2026-11-20T10:00:00Z");
        leaveACart(api, "cust-restart-due-later", "2026-11-20T12:00:00Z");
        assertThat(pendingAbandonments(api)).isEqualTo(2);

        // Down from 10:05 to 13:30: the first cart's abandonment (due 13:00) came due meanwhile.
        engine.restartWith("journey.clock.start=2026-11-20T13:30:00Z");
        Api after = engine.api();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(reminders("cust-restart-due-while-down")).isEqualTo(1));
        assertThat(reminders("cust-restart-due-later")).isZero();
        assertThat(pendingAbandonments(after)).isEqualTo(1);

        // The second one (due 15:00) fires when the clock gets there.
        engine.clock().advance(Duration.ofHours(2));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(reminders("cust-restart-due-later")).isEqualTo(1));
        assertThat(pendingAbandonments(after)).isZero();
        JsonNode timeline = await().atMost(Duration.ofSeconds(10)).until(
                () -> after.get("/api/customers/cust-restart-due-while-down/timeline").json().get("touchpoints"),
                t -> t.size() == 3);
        assertThat(timeline.get(2).get("type").asText()).isEqualTo("CART_REMINDER_SENT");
        assertThat(timeline.get(2).get("channel").asText()).isEqualTo("MESSENGER");
        assertThat(timeline.get(2).get("occurredAt").asText()).isEqualTo("2026-11-20T13:00:00Z");

        // Another restart, a day later: nothing fires a second time.
        engine.restartWith("journey.clock.start=2026-11-21T16:00:00Z");
        Api third = engine.api();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                third.get("/api/analytics/carts").json().get("reminded").asLong()).isEqualTo(2));
        assertThat(reminders("cust-restart-due-while-down")).isEqualTo(1);
        assertThat(reminders("cust-restart-due-later")).isEqualTo(1);
        assertThat(third.get("/api/analytics/carts").json().get("abandoned").asLong()).isEqualTo(2);
    }

    private static long pendingAbandonments(Api api) {
        for (JsonNode kind : api.get("/api/admin/deadlines").json().get("kinds")) {
            if (kind.get("kind").asText().equals("cart-abandonment")) {
                return kind.get("pending").asLong();
            }
        }
        throw new AssertionError("no cart-abandonment kind");
    }

    private static long reminders(String customer) {
        Long n = engine.database().queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                Long.class, customer, "%.CartReminderSent");
        return n == null ? 0 : n;
    }
}
