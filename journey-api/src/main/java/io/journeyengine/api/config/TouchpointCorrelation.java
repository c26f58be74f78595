package io.journeyengine.api.config;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies a touchpoint's identity onto every event it causes: the touchpointId and channel, when the engine received
 * it, the correlation id of the HTTP request (shared by all events of that request) and the causation id (the
 * message that caused the event). A developer reading the raw stream can then answer "which touchpoint did this".
 */
@Component
public class TouchpointCorrelation implements CorrelationDataProvider {

    public static final String TOUCHPOINT_ID = "touchpointId";
    public static final String CHANNEL = "channel";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String TRACE_ID = "traceId";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        copy(message, TOUCHPOINT_ID, data);
        copy(message, CHANNEL, data);
        copy(message, RECEIVED_AT, data);
        data.put(CORRELATION_ID, message.getMetaData().getOrDefault(CORRELATION_ID, message.getIdentifier()));
        data.put(TRACE_ID, message.getMetaData().getOrDefault(TRACE_ID, message.getIdentifier()));
        data.put(CAUSATION_ID, message.getIdentifier());
        return data;
    }

    private static void copy(Message<?> message, String key, Map<String, Object> into) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            into.put(key, value);
        }
    }
}
