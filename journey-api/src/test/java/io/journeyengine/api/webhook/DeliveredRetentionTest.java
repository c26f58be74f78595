package io.journeyengine.api.webhook;

import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.RunningEngine;
import io.journeyengine.api.support.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivered webhook rows are kept for {@code journey.webhooks.keep-delivered} and then deleted, so the outbox does not
 * grow for ever; parked ones stay until redelivered. Here the retention is one second.
 */
class DeliveredRetentionTest {

    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start("journey.webhooks.poll-interval=100ms", "journey.webhooks.retry-backoff=PT0.1S",
                                     "journey.webhooks.max-attempts=2", "journey.webhooks.keep-delivered=PT1S",
                                     "journey.webhooks.prune-interval=200ms");
        api = engine.api();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void deliveredRowsAreDeletedAfterTheRetentionAndParkedOnesStay() {
        try (WebhookReceiver accepting = new WebhookReceiver((delivery, attempt) -> 200);
             WebhookReceiver refusing = new WebhookReceiver((delivery, attempt) -> 500)) {
            String kept = register(accepting);
            String parked = register(refusing);
            Api.Answer sent = api.post("/api/touchpoints", touchpoint("ret-1", "cust-ret-1", "WEB",
                    "2026-11-20T10:00:00Z", "CART_ITEM_ADDED",
                    Map.of("sku", "BOOTS-42", "quantity", 1, "unitPrice", "89.90", "currency", "EUR")));
            assertThat(sent.status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(
                    () -> api.get("/api/admin/webhooks/" + kept).json().path("deliveries").path("DELIVERED")
                             .asLong() == 1);
            assertThat(accepting.accepted()).hasSize(1);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(api.get("/api/admin/webhooks/" + kept).json().path("deliveries").path("DELIVERED")
                              .asLong()).as("delivered rows after the retention").isZero();
                assertThat(api.get("/api/admin/webhooks/" + parked + "/deliveries?status=parked").json())
                        .as("parked rows stay").hasSize(1);
            });
        }
    }

    private static String register(WebhookReceiver receiver) {
        Api.Answer answer = api.post("/api/admin/webhooks", Map.of("name", "retention", "url", receiver.url(),
                                                                   "eventTypes", List.of("CartItemAdded")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asText();
    }
}
