package io.journeyengine.api.ingest;

import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Strings that look like SQL or script are data: stored and returned verbatim, and harmless. */
class InjectionTest {

    private static RunningEngine engine;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void sqlAndScriptInjectionAreStoredAndReturnedVerbatim() {
        Api api = engine.api();
        String customer = "cust-injection";
        String sku = "<script>alert('x')</script>\"; DELETE FROM cart_view; --";
        Answer added = api.post("/api/touchpoints", touchpoint("inj-1", customer, "WEB", "2026-11-20T10:00:00Z",
                "CART_ITEM_ADDED", Map.of("sku", sku, "quantity", 1, "unitPrice", "1.00", "currency", "EUR")));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        Answer talk = api.post("/api/touchpoints", touchpoint("inj-2", customer, "WEBCHAT", "2026-11-20T10:01:00Z",
                "CONVERSATION_STARTED", Map.of("conversationId", "c'; DROP TABLE token_entry; --",
                                               "topic", "<img src=x onerror=alert(1)>")));
        assertThat(talk.status()).as(talk.body()).isEqualTo(200);

        Answer cart = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/customers/" + customer + "/cart"),
                a -> a.status() == 200 && a.json().get("items").size() == 1);
        assertThat(cart.json().get("items").get(0).get("sku").asText()).isEqualTo(sku);
        assertThat(cart.contentType()).startsWith("application/json");
        Integer tables = engine.database().queryForObject(
                "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) IN "
                        + "('domain_event_entry', 'token_entry', 'cart_view')", Integer.class);
        assertThat(tables).isEqualTo(3);
        assertThat(engine.eventCount(customer)).isEqualTo(4);
    }

    @Test
    void aCustomerIdThatCannotBePartOfAUrlIsRefused() {
        Answer answer = engine.api().post("/api/touchpoints", touchpoint("inj-3", "cust-'; DROP TABLE x; --", "WEB",
                "2026-11-20T10:00:00Z", "PRODUCT_VIEWED", Map.of("sku", "A")));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("customerId");
    }

    @Test
    void aPathTheFirewallRefusesIsAProblem() {
        Answer answer = engine.api().get("/api/customers/a%3Bb/cart");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.code()).isEqualTo("INVALID_REQUEST");
    }
}
