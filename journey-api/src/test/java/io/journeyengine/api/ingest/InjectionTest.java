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
        String customer = "cust-'; DROP TABLE domain_event_entry; --";
        String sku = "<script>alert('x')</script>\"; DELETE FROM cart_view; --";
        Answer added = api.post("/api/touchpoints", touchpoint("inj-1", customer, "WEB", "2026-11-20T10:00:00Z",
                "CART_ITEM_ADDED", Map.of("sku", sku, "quantity", 1, "unitPrice", "1.00", "currency", "EUR")));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("customerId").asText()).isEqualTo(customer);

        String path = "/api/customers/" + java.net.URLEncoder.encode(customer, java.nio.charset.StandardCharsets.UTF_8)
                                                            .replace("+", "%20") + "/cart";
        Answer cart = await().atMost(Duration.ofSeconds(10))
                             .until(() -> api.get(path), a -> a.status() == 200 && a.json().get("items").size() == 1);
        assertThat(cart.json().get("items").get(0).get("sku").asText()).isEqualTo(sku);
        assertThat(cart.contentType()).startsWith("application/json");
        assertThat(engine.totalEvents()).isPositive();
        assertThat(engine.eventCount(customer)).isEqualTo(3);
    }
}
