package io.journeyengine.api.live;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One change of a customer as a live subscriber receives it: small, self-describing, and carrying the event's global
 * position, which is also the Server-Sent Event's id, so a client that reconnects with {@code Last-Event-ID} resumes
 * right after it.
 *
 * @param position   the event's global position in the event store (increases along one customer's events)
 * @param sequence   the event's number in the customer's own stream
 * @param topic      {@code cart}, {@code promotion}, {@code stage} or {@code conversation}
 * @param type       the event, e.g. {@code CartItemAdded}
 * @param channel    the channel of the touchpoint behind it, or null for the engine's own events
 * @param occurredAt business time of that touchpoint, or null
 * @param data       the event's fields without the customer and the touchpoint envelope
 */
public record CustomerUpdate(long position, long sequence, String customerId, String topic, String type,
                             String touchpointId, String channel, Instant occurredAt, JsonNode data) {
}
