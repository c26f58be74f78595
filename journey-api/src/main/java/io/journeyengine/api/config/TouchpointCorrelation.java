package io.journeyengine.api.config;

import io.journeyengine.journey.deadline.JourneyDeadline;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies a touchpoint's identity onto every event it causes: the touchpointId and channel, when the engine received
 * it, the correlation id of the HTTP request (shared by all events of that request) and the causation id (the
 * message that caused the event). A developer reading the raw stream can then answer "which touchpoint did this".
 * <p>
 * Events a deadline causes (a cart abandoned, a reminder, a code expired) come from no touchpoint: their causation id
 * names the deadline and the touchpoint that set it ({@code deadline:cart-abandonment@tp-6}), with the two also as
 * {@code deadline} and {@code deadlineCause}; the correlation id is that of the request which set the deadline.
 */
@Component
public class TouchpointCorrelation implements CorrelationDataProvider {

    public static final String TOUCHPOINT_ID = "touchpointId";
    public static final String CHANNEL = "channel";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String TRACE_ID = "traceId";
    public static final String DEADLINE = "deadline";
    public static final String DEADLINE_CAUSE = "deadlineCause";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (message instanceof DeadlineMessage<?> deadline) {
            return deadlineData(deadline);
        }
        Map<String, Object> data = new HashMap<>();
        copy(message, TOUCHPOINT_ID, data);
        copy(message, CHANNEL, data);
        copy(message, RECEIVED_AT, data);
        data.put(CORRELATION_ID, message.getMetaData().getOrDefault(CORRELATION_ID, message.getIdentifier()));
        data.put(TRACE_ID, message.getMetaData().getOrDefault(TRACE_ID, message.getIdentifier()));
        data.put(CAUSATION_ID, message.getIdentifier());
        return data;
    }

    private static Map<String, ?> deadlineData(DeadlineMessage<?> deadline) {
        Map<String, Object> data = new HashMap<>();
        String cause = deadline.getPayload() instanceof JourneyDeadline due ? due.causedBy() : null;
        data.put(DEADLINE, deadline.getDeadlineName());
        if (cause != null) {
            data.put(DEADLINE_CAUSE, cause);
        }
        data.put(CAUSATION_ID, "deadline:" + deadline.getDeadlineName() + (cause == null ? "" : "@" + cause));
        data.put(CORRELATION_ID, deadline.getMetaData().getOrDefault(CORRELATION_ID, deadline.getIdentifier()));
        data.put(TRACE_ID, deadline.getMetaData().getOrDefault(TRACE_ID, deadline.getIdentifier()));
        return data;
    }

    private static void copy(Message<?> message, String key, Map<String, Object> into) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            into.put(key, value);
        }
    }
}
