package io.journeyengine.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.debug.StoredEvent;

/**
 * A journey event as other systems receive it (webhooks, the outbound stream): a CloudEvents 1.0 JSON object
 * (structured mode). {@code id} is the event's id (the same on every redelivery, for de-duplication), {@code type}
 * {@code io.journeyengine.<Event>}, {@code subject} the customer, {@code time} the touchpoint's business time (or
 * when the engine recorded it), {@code data} the event's fields; the extensions {@code position} and
 * {@code sequence} give its place in the store and in the customer's stream, {@code touchpointid} and
 * {@code channel} the touchpoint behind it.
 */
public final class OutboundEvent {

    public static final String TYPE_PREFIX = "io.journeyengine.";
    public static final String SOURCE = "/journey-engine";

    private OutboundEvent() {
    }

    public static ObjectNode of(StoredEvent event, ObjectMapper json) {
        ObjectNode cloudEvent = json.createObjectNode();
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("id", event.eventId());
        cloudEvent.put("source", SOURCE);
        cloudEvent.put("type", TYPE_PREFIX + event.type());
        cloudEvent.put("subject", event.customerId());
        cloudEvent.put("time", (event.occurredAt() != null ? event.occurredAt() : event.recordedAt()).toString());
        cloudEvent.put("datacontenttype", "application/json");
        if (event.position() != null) {
            cloudEvent.put("position", event.position());
        }
        cloudEvent.put("sequence", event.sequence());
        JsonNode touchpoint = event.payload().path("touchpoint");
        if (touchpoint.hasNonNull("id")) {
            cloudEvent.put("touchpointid", touchpoint.get("id").asText());
        }
        if (touchpoint.hasNonNull("channel")) {
            cloudEvent.put("channel", touchpoint.get("channel").asText());
        }
        cloudEvent.set("data", event.payload());
        return cloudEvent;
    }
}
