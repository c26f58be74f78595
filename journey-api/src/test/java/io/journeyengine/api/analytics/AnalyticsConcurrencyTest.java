package io.journeyengine.api.analytics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many customers at once: four clients send batches concurrently, so the analytics processors handle customers in
 * all their segments at the same time and add to the same counter rows. No update may be lost or counted twice.
 */
class AnalyticsConcurrencyTest {

    private static final int CLIENTS = 4;
    private static final int CUSTOMERS_PER_CLIENT = 100;

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
    void countersOfConcurrentSegmentsAddUp() {
        Api api = engine.api();
        Touchpoints tp = new Touchpoints(api);
        // Each customer: SMS 09:00, WEB 10:00, WEB cart 10:10, WEB purchase 10:30; then, in a later batch, a late
        // APP visit at 09:30: SMS -> APP -> WEB -> WEB -> WEB purchase.
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int first = client * CUSTOMERS_PER_CLIENT;
            clients.add(CompletableFuture.runAsync(() -> {
                ArrayNode journeys = Api.JSON.createArrayNode();
                ArrayNode late = Api.JSON.createArrayNode();
                for (int c = first; c < first + CUSTOMERS_PER_CLIENT; c++) {
                    String customer = "cc-" + c;
                    journeys.add(tp.viewed(customer, "SMS", "09:00"));
                    journeys.add(tp.viewed(customer, "WEB", "10:00"));
                    journeys.add(tp.cartAdd(customer, "WEB", "10:10"));
                    journeys.add(tp.checkout(customer, "WEB", "10:30", "cc-order-" + c, null));
                    late.add(tp.viewed(customer, "APP", "09:30"));
                }
                applied(api.post("/api/touchpoints/batch", journeys));
                applied(api.post("/api/touchpoints/batch", late));
            }));
        }
        clients.forEach(CompletableFuture::join);

        int n = CLIENTS * CUSTOMERS_PER_CLIENT;
        tp.awaitAnswer("/api/analytics/channels", """
                {"channels":[
                  {"channel":"SMS","touchpoints":%1$d,"customers":%1$d,"firstTouchConversions":%1$d,
                   "lastTouchConversions":0},
                  {"channel":"WEB","touchpoints":%2$d,"customers":%1$d,"firstTouchConversions":0,
                   "lastTouchConversions":%1$d},
                  {"channel":"APP","touchpoints":%1$d,"customers":%1$d,"firstTouchConversions":0,
                   "lastTouchConversions":0}],
                 "switches":[{"from":"SMS","to":"APP","count":%1$d},{"from":"APP","to":"WEB","count":%1$d}]}"""
                .formatted(n, 3 * n));
        // Every customer: 3 channels, 1 h 30 min from the SMS to the purchase.
        tp.awaitAnswer("/api/analytics/journeys", """
                {"customers":%d,"omnichannelCustomers":%d,"omnichannelShare":1.0,
                 "avgChannelsPerConvertedCustomer":3.0,"medianTimeToFirstPurchase":"PT1H30M"}""".formatted(n, n));
    }

    private static void applied(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        answer.json().forEach(result -> assertThat(result.get("status").asText()).as(result.toString())
                                                                             .isEqualTo("APPLIED"));
    }
}
