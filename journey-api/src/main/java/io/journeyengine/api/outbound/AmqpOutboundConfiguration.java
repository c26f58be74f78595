package io.journeyengine.api.outbound;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the outbound exchange (durable topic exchange) when the stream is on; consumers bind their queues. */
@Configuration
@ConditionalOnProperty(name = "journey.outbound.amqp.enabled", havingValue = "true")
public class AmqpOutboundConfiguration {

    @Bean
    public TopicExchange journeyEventsExchange(@Value("${journey.outbound.amqp.exchange:journey.events}") String name) {
        return new TopicExchange(name, true, false);
    }
}
