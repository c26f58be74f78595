package io.journeyengine.api.analytics;

import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The analytics views survive a restart: they resume from their tokens, so the figures are the same afterwards and
 * new touchpoints are added to them once — nothing is counted twice. Expected figures worked out by hand.
 */
class AnalyticsRestartTest {

    private static final String CHANNELS_BEFORE = """
            {"channels":[
              {"channel":"SMS","touchpoints":2,"customers":1,"firstTouchConversions":1,"lastTouchConversions":1},
              {"channel":"WEB","touchpoints":1,"customers":1,"firstTouchConversions":0,"lastTouchConversions":0},
              {"channel":"STORE","touchpoints":1,"customers":1,"firstTouchConversions":0,"lastTouchConversions":0}],
             "switches":[{"from":"SMS","to":"STORE","count":1}]}""";
    private static final String JOURNEYS_BEFORE = """
            {"customers":2,"omnichannelCustomers":1,"omnichannelShare":0.5,
             "avgChannelsPerConvertedCustomer":2.0,"medianTimeToFirstPurchase":"PT1H"}""";
    private static final String PROMOTION = """
            {"promotionId":"restart-1","issued":1,"redeemed":1,"redemptionRate":1.0,"crossChannelRedemptions":1,
             "expired":0,"issuedByChannel":{"SMS":1},"redeemedByChannel":{"STORE":1}}""";
    private static final String CARTS = """
            {"abandoned":0,"reminded":0,"recovered":0,"recoveryRate":null,"recoveredByChannel":{}}""";

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
    void figuresAreUnchangedAfterARestartAndKeepCountingOnce() {
        Touchpoints tp = new Touchpoints(engine.api());
        // R1: SMS consent 09:00, SMS code 09:05, redeemed at the till 10:00 (1 h after its first touchpoint).
        // R2: a web visit at 09:00.
        tp.send(tp.consent("re-1", "SMS", "09:00"), tp.promoSent("re-1", "SMS", "09:05", "restart-1", "R1-CODE"),
                tp.tillPurchase("re-1", "10:00", "re-1-1", "R1-CODE"), tp.viewed("re-2", "WEB", "09:00"));
        tp.awaitAnswer("/api/analytics/channels", CHANNELS_BEFORE);
        tp.awaitAnswer("/api/analytics/journeys", JOURNEYS_BEFORE);
        tp.awaitAnswer("/api/analytics/promotions/restart-1", PROMOTION);
        tp.awaitAnswer("/api/analytics/carts", CARTS);

        engine.restart();
        Api after = engine.api();
        Touchpoints again = new Touchpoints(after);
        // Right away and for a while after the restart, the same figures (a replay would show 0 or double).
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(after.get("/api/analytics/channels").json()).isEqualTo(Touchpoints.json(CHANNELS_BEFORE));
            assertThat(after.get("/api/analytics/journeys").json()).isEqualTo(Touchpoints.json(JOURNEYS_BEFORE));
            assertThat(after.get("/api/analytics/promotions/restart-1").json()).isEqualTo(Touchpoints.json(PROMOTION));
            assertThat(after.get("/api/analytics/carts").json()).isEqualTo(Touchpoints.json(CARTS));
        });

        // A resend is a duplicate and counts nothing; R2 then adds to the cart and checks out in the app.
        Answer resent = after.post("/api/touchpoints", Api.touchpoint("an-re-1-3", "re-1", "STORE",
                "2026-11-20T10:00:00Z", "IN_STORE_PURCHASE", Map.of("orderId", "re-1-1", "storeId", "store-1",
                        "items", java.util.List.of(Map.of("sku", "SKU-2", "quantity", 1, "unitPrice", "20.00",
                                                          "currency", "EUR")), "promoCode", "R1-CODE")));
        assertThat(resent.json().get("status").asText()).isEqualTo("DUPLICATE");
        again.send(again.cartAdd("re-2", "APP", "09:30"), again.checkout("re-2", "APP", "09:45", "re-2-1", null));

        // R2: WEB 09:00 -> APP 09:30 -> APP purchase 09:45 (45 min). Median of [45 min, 60 min] = 52 min 30 s.
        again.awaitAnswer("/api/analytics/channels", """
                {"channels":[
                  {"channel":"SMS","touchpoints":2,"customers":1,"firstTouchConversions":1,"lastTouchConversions":1},
                  {"channel":"WEB","touchpoints":1,"customers":1,"firstTouchConversions":1,"lastTouchConversions":0},
                  {"channel":"APP","touchpoints":2,"customers":1,"firstTouchConversions":0,"lastTouchConversions":1},
                  {"channel":"STORE","touchpoints":1,"customers":1,"firstTouchConversions":0,"lastTouchConversions":0}],
                 "switches":[{"from":"SMS","to":"STORE","count":1},{"from":"WEB","to":"APP","count":1}]}""");
        again.awaitAnswer("/api/analytics/journeys", """
                {"customers":2,"omnichannelCustomers":2,"omnichannelShare":1.0,
                 "avgChannelsPerConvertedCustomer":2.0,"medianTimeToFirstPurchase":"PT52M30S"}""");
        again.awaitAnswer("/api/analytics/promotions/restart-1", PROMOTION);
    }
}
