package io.journeyengine.api.customer;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Customer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.journeyengine.api.customer.FunnelTest.assertFunnel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The timeline, lifecycle and customer-360 views keep their rows and their tokens across a restart: after it they
 * answer as before, and a further touchpoint is counted once, on top of what was there, not on top of a replay.
 */
class ReadSideRestartTest {

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
    void viewsSurviveARestartWithoutCountingTwice() {
        Api api = engine.api();
        Customer r1 = new Customer(api, "r1");
        r1.viewed("WEB", "2026-11-20T10:00:00Z", "A");
        r1.cartAdd("APP", "2026-11-20T11:00:00Z", "A", 1, "10.00");
        new Customer(api, "r2").tillPurchase("2026-11-20T10:00:00Z", "t-1", "A", "5.00", null);
        Customer r3 = new Customer(api, "r3");
        r3.tillPurchase("2026-11-20T10:00:00Z", "t-1", "A", "5.00", null);
        r3.tillPurchase("2026-11-21T10:00:00Z", "t-2", "A", "5.00", null);

        // r1 ACQUISITION, r2 CONVERSION, r3 RETENTION.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertFunnel(api.get("/api/analytics/funnel"), 3, new long[]{0, 1, 1, 1, 0}, new long[]{3, 3, 2, 1, 0},
                         new String[]{"1.0000", "0.6667", "0.5000", "0.0000", null});
            assertThat(touchpoints(api, "r1")).isEqualTo(2);
            assertThat(api.get("/api/customers/r1/timeline").json().get("touchpoints")).hasSize(2);
            assertThat(api.get("/api/customers/r3").json().get("stageHistory")).hasSize(2);
        });
        JsonNode funnel = api.get("/api/analytics/funnel").json();
        JsonNode timeline = api.get("/api/customers/r1/timeline").json();
        JsonNode listing = api.get("/api/customers").json();
        JsonNode profile = api.get("/api/customers/r3").json();

        engine.restart();
        Api after = engine.api();
        assertThat(after.get("/api/analytics/funnel").json()).isEqualTo(funnel);
        assertThat(after.get("/api/customers/r1/timeline").json()).isEqualTo(timeline);
        assertThat(after.get("/api/customers").json()).isEqualTo(listing);
        assertThat(after.get("/api/customers/r3").json()).isEqualTo(profile);

        // r1 buys: CONVERSION. Had any view replayed its events after the restart, r1 would count twice.
        r1.via(after).checkout("WEB", "2026-11-22T10:00:00Z", "o-1", null, null);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertFunnel(after.get("/api/analytics/funnel"), 3, new long[]{0, 0, 2, 1, 0}, new long[]{3, 3, 3, 1, 0},
                         new String[]{"1.0000", "1.0000", "0.3333", "0.0000", null});
            assertThat(touchpoints(after, "r1")).isEqualTo(3);
            assertThat(after.get("/api/customers/r1/timeline").json().get("touchpoints")).hasSize(3);
        });
        JsonNode r1Profile = after.get("/api/customers/r1").json();
        assertThat(r1Profile.get("stageHistory")).hasSize(3); // REACH, ACQUISITION, CONVERSION
        assertThat(r1Profile.get("orders")).hasSize(1);
        assertThat(after.get("/api/customers").json().get("total").asLong()).isEqualTo(3);
    }

    private static long touchpoints(Api api, String customerId) {
        for (JsonNode item : api.get("/api/customers").json().get("items")) {
            if (item.get("customerId").asText().equals(customerId)) {
                return item.get("touchpoints").asLong();
            }
        }
        return 0;
    }
}
