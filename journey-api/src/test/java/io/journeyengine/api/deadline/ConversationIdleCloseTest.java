package io.journeyengine.api.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Customer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A conversation handed over from WhatsApp to the store keeps its id, its whole history and its topic in the customer
 * 360, next to the cart and the codes; once idle for the delay (7 days) it closes by itself, and takes no more
 * messages.
 */
class ConversationIdleCloseTest {

    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start("journey.clock.start=2026-11-20T10:05:00Z", "journey.clock.adjustable=true",
                                     "journey.conversation.idle-close-after=P7D");
        api = engine.api();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void aHandedOverConversationKeepsItsThreadAndClosesWhenIdle() {
        Customer kim = new Customer(api, "cust-idle-kim");
        kim.consent("SMS", "2026-11-20T09:00:00Z", "SMS", true);
        kim.codeSent("SMS", "2026-11-20T09:01:00Z", "winter-10", "KIM-1", "2026-12-31T23:59:59Z");
        kim.cartAdd("WEB", "2026-11-20T09:30:00Z", "BOOTS-42", 1, "89.90");
        kim.send("WHATSAPP", "2026-11-20T09:40:00Z", "CONVERSATION_STARTED",
                 Map.of("conversationId", "kim-chat", "topic", "boots sizes"));
        kim.send("WHATSAPP", "2026-11-20T09:41:00Z", "CONVERSATION_MESSAGE",
                 Map.of("conversationId", "kim-chat", "direction", "INBOUND", "text", "Do the boots run small?"));
        kim.send("WHATSAPP", "2026-11-20T09:45:00Z", "CONVERSATION_HANDED_OVER",
                 Map.of("conversationId", "kim-chat", "toChannel", "STORE"));
        kim.send("STORE", "2026-11-20T10:00:00Z", "CONVERSATION_MESSAGE",
                 Map.of("conversationId", "kim-chat", "direction", "OUTBOUND", "text", "Try a size up in store"));

        JsonNode profile = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/customers/cust-idle-kim").json(),
                p -> p != null && p.path("conversations").size() == 1
                        && p.get("conversations").get(0).get("messages").size() == 2);
        JsonNode chat = profile.get("conversations").get(0);
        assertThat(chat.get("conversationId").asText()).isEqualTo("kim-chat");
        assertThat(chat.get("topic").asText()).isEqualTo("boots sizes");
        assertThat(List.of(chat.get("channels").get(0).asText(), chat.get("channels").get(1).asText()))
                .containsExactly("WHATSAPP", "STORE");
        assertThat(chat.get("messages").get(0).get("text").asText()).isEqualTo("Do the boots run small?");
        assertThat(chat.get("messages").get(1).get("channel").asText()).isEqualTo("STORE");
        assertThat(chat.get("open").asBoolean()).isTrue();
        // The agent sees the cart and the codes beside the thread.
        assertThat(profile.get("cart").get("items").get(0).get("sku").asText()).isEqualTo("BOOTS-42");
        assertThat(profile.get("promotions").get(0).get("status").asText()).isEqualTo("AVAILABLE");

        // A week and a bit later (after the last message, and after the engine heard of it at about 10:05), nothing
        // has happened in it: the engine closes it.
        engine.clock().setTo(Instant.parse("2026-11-27T10:10:00Z"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/customers/cust-idle-kim").json().get("conversations").get(0).get("open").asBoolean())
                .isFalse());
        Api.Answer late = api.post("/api/touchpoints", Api.touchpoint(
                "idle-kim-late", "cust-idle-kim", "STORE", "2026-11-27T10:00:30Z", "CONVERSATION_MESSAGE",
                Map.of("conversationId", "kim-chat", "direction", "INBOUND", "text", "Hello?")));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("CONVERSATION_NOT_OPEN");
    }
}
