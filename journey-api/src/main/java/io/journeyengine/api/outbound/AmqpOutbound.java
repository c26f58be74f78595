package io.journeyengine.api.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.journeyengine.api.config.AxonStorageConfiguration;
import io.journeyengine.api.debug.JourneyEvents;
import io.journeyengine.api.debug.StoredEvent;
import io.journeyengine.api.webhook.OutboundEvent;
import io.journeyengine.journey.JourneyEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The outbound event stream: every public event, as a CloudEvents JSON message, to a RabbitMQ topic exchange
 * ({@code journey.outbound.amqp.exchange}, routing key = the CloudEvents type, e.g.
 * {@code io.journeyengine.CartItemAdded}). Its own processor and token ({@value #GROUP}, one segment: the store's
 * order) make it resume where it was after a restart; each message is confirmed by the broker before the token
 * moves on, so a broker that is down stops the stream (and only it) until it is back: at least once, in order.
 * Off by default ({@code journey.outbound.amqp.enabled}).
 */
@Component
@ProcessingGroup(AmqpOutbound.GROUP)
@ConditionalOnProperty(name = "journey.outbound.amqp.enabled", havingValue = "true")
public class AmqpOutbound {

    public static final String GROUP = "outbound-amqp";

    /**
     * Events that are the engine's bookkeeping, not facts for other systems: a journey's technical start, and the
     * merged-away side and the restoring side of a merge (ProfileMerged and ProfileUnmerged say it publicly).
     */
    public static final Set<String> INTERNAL = Set.of("JourneyStarted", "ProfileMergedInto", "ProfileRestored");

    private final RabbitTemplate rabbit;
    private final JourneyEvents events;
    private final String exchange;
    private final long confirmTimeoutMillis;
    private final ObjectMapper json = AxonStorageConfiguration.storedForm().build();

    public AmqpOutbound(RabbitTemplate rabbit, JourneyEvents events,
                        @Value("${journey.outbound.amqp.exchange:journey.events}") String exchange,
                        @Value("${journey.outbound.amqp.confirm-timeout-ms:10000}") long confirmTimeoutMillis) {
        this.rabbit = rabbit;
        this.events = events;
        this.exchange = exchange;
        this.confirmTimeoutMillis = confirmTimeoutMillis;
    }

    @EventHandler
    void on(JourneyEvent event, DomainEventMessage<?> message, TrackingToken token) throws Exception {
        String type = message.getPayloadType().getSimpleName();
        if (INTERNAL.contains(type)) {
            return;
        }
        StoredEvent stored = events.describe(message, token.position().orElse(-1));
        byte[] body = json.writeValueAsString(OutboundEvent.of(stored, json)).getBytes(StandardCharsets.UTF_8);
        String ceType = OutboundEvent.TYPE_PREFIX + type;
        Message amqp = MessageBuilder.withBody(body)
                                     .setContentType("application/cloudevents+json")
                                     .setContentEncoding("utf-8")
                                     .setMessageId(stored.eventId())
                                     .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                                     .setHeader("ce-type", ceType)
                                     .setHeader("ce-subject", stored.customerId())
                                     .build();
        // Waits for the broker's confirm: an unconfirmed message fails the batch, which is retried.
        rabbit.invoke(operations -> {
            operations.send(exchange, ceType, amqp);
            operations.waitForConfirmsOrDie(confirmTimeoutMillis);
            return null;
        });
    }
}
