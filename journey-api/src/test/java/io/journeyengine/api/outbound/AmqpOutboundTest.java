package io.journeyengine.api.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.journeyengine.api.debug.CanonicalJourney;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbound event stream on the real RabbitMQ of this machine ({@code 127.0.0.1:5672}, guest;
 * {@code -Djourney.test.rabbitmq-host=} elsewhere): a consumer's queue, bound to the engine's exchange, receives
 * the canonical journey's public events as CloudEvents, in the store's order, each once. Fails (never skips) when
 * the broker cannot be reached.
 */
class AmqpOutboundTest {

    /** Bookkeeping events that docs/integration.md says are not published. */
    private static final Set<String> NOT_PUBLISHED = Set.of("JourneyStarted", "ProfileMergedInto", "ProfileRestored");
    private static final String HOST = System.getProperty("journey.test.rabbitmq-host", "127.0.0.1");

    private static final String EXCHANGE = "journey.events.test-" + UUID.randomUUID();
    private static RunningEngine engine;
    private static Connection connection;
    private static Channel channel;
    private static String queue;

    @BeforeAll
    static void start() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        try {
            connection = factory.newConnection("journey-test-consumer");
        } catch (Exception e) {
            throw new IllegalStateException("RabbitMQ cannot be reached at " + HOST + ":5672 (the outbound stream's "
                                                    + "test needs it): " + e.getMessage(), e);
        }
        channel = connection.createChannel();
        // The consumer binds its own queue before the first event is published, as a subscribing system does.
        channel.exchangeDeclare(EXCHANGE, "topic", true);
        queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, EXCHANGE, "io.journeyengine.#");
        engine = RunningEngine.start("journey.outbound.amqp.enabled=true", "journey.outbound.amqp.exchange=" + EXCHANGE,
                                     "spring.rabbitmq.host=" + HOST);
    }

    @AfterAll
    static void stop() throws Exception {
        if (engine != null) {
            engine.stop();
        }
        if (channel != null) {
            channel.exchangeDelete(EXCHANGE);
        }
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void aConsumerReceivesTheCanonicalJourneysPublicEventsInOrderOnce() throws Exception {
        Api api = engine.api();
        String customer = "cust-amqp-1";
        CanonicalJourney.send(api, customer, "amqp");
        List<String> expected = new ArrayList<>();
        for (JsonNode event : api.get("/api/customers/" + customer + "/events?limit=1000").json().path("events")) {
            if (!NOT_PUBLISHED.contains(event.path("type").asText())) {
                expected.add(event.path("position").asLong() + " io.journeyengine." + event.path("type").asText());
            }
        }
        assertThat(expected).hasSizeGreaterThan(8);

        List<JsonNode> received = new ArrayList<>();
        List<String> routingKeys = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (GetResponse message = channel.basicGet(queue, true); message != null;
                 message = channel.basicGet(queue, true)) {
                assertThat(message.getProps().getContentType()).isEqualTo("application/cloudevents+json");
                JsonNode event = Api.JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
                assertThat(message.getProps().getMessageId()).isEqualTo(event.path("id").asText());
                received.add(event);
                routingKeys.add(message.getEnvelope().getRoutingKey());
            }
            return received.size() >= expected.size();
        });
        assertThat(received.stream().map(e -> e.path("position").asLong() + " " + e.path("type").asText()).toList())
                .as("the public events, in the store's order, once").isEqualTo(expected);
        assertThat(routingKeys).isEqualTo(received.stream().map(e -> e.path("type").asText()).toList());
        assertThat(received).allSatisfy(e -> {
            assertThat(e.path("specversion").asText()).isEqualTo("1.0");
            assertThat(e.path("source").asText()).isEqualTo("/journey-engine");
            assertThat(e.path("subject").asText()).isEqualTo(customer);
        });
        JsonNode redeemed = received.stream().filter(e -> e.path("type").asText()
                .equals("io.journeyengine.PromoCodeRedeemed")).findFirst().orElseThrow();
        assertThat(redeemed.path("channel").asText()).isEqualTo("STORE");
        assertThat(redeemed.path("data").path("code").asText()).isEqualTo(CanonicalJourney.CODE);
    }
}
