package io.journeyengine.api.webhook;

import io.journeyengine.journey.JourneyEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Follows the event store with its own processor and token ({@value #GROUP}) and writes one delivery row per event
 * and webhook that wants it, in the processor's transaction: an event is either queued for every matching webhook
 * or, after a crash, read again. Sending happens elsewhere ({@link WebhookDeliverer}), so a slow or failing receiver
 * never holds up ingestion or the views. A webhook receives the events stored after its registration.
 */
@Component
@ProcessingGroup(WebhookOutbox.GROUP)
public class WebhookOutbox {

    public static final String GROUP = "webhooks";

    private final Webhooks webhooks;
    private final JdbcTemplate jdbc;

    public WebhookOutbox(Webhooks webhooks, JdbcTemplate jdbc) {
        this.webhooks = webhooks;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(JourneyEvent event, DomainEventMessage<?> message, TrackingToken token) {
        String type = message.getPayloadType().getSimpleName();
        long position = token.position().orElseThrow();
        Timestamp now = Timestamp.from(Instant.now());
        for (Webhooks.Webhook webhook : webhooks.current()) {
            if (!webhook.wants(type) || position <= webhook.fromPosition()) {
                continue;
            }
            // Idempotent: a batch processed again after a crash finds its rows and adds none.
            jdbc.update("INSERT INTO webhook_delivery (webhook_id, position, customer_id, sequence_number, "
                                + "event_type, status, attempts, next_attempt_at, created_at) "
                                + "SELECT ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? WHERE NOT EXISTS "
                                + "(SELECT 1 FROM webhook_delivery WHERE webhook_id = ? AND position = ?)",
                        webhook.id(), position, message.getAggregateIdentifier(), message.getSequenceNumber(), type,
                        now, now, webhook.id(), position);
        }
    }
}
