package io.journeyengine.api.debug;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a customer's stream as a developer reads it, and as an export line carries it.
 *
 * @param customerId  the stream (aggregate) it belongs to
 * @param sequence    its number in the customer's stream, from 0
 * @param position    its global position in the event store (what views and {@code minPosition} count in)
 * @param eventId     the event message's identifier, unique in the store
 * @param type        the event's simple name ({@code CartItemAdded}), as ingestion answers list it
 * @param payloadType the event class, as stored
 * @param revision    the payload's revision in the form shown (the current one: old stored forms are upcast)
 * @param occurredAt  business time of the touchpoint that caused it
 * @param recordedAt  when the engine stored it
 * @param payload     the event's fields, in the stored JSON form
 * @param metadata    touchpointId, channel, receivedAt, correlationId, causationId, traceId
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredEvent(String customerId, long sequence, Long position, String eventId, String type,
                          String payloadType, String revision, Instant occurredAt, Instant recordedAt,
                          JsonNode payload, Map<String, Object> metadata) {
}
