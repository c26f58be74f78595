package io.journeyengine.api.analytics;

import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.journeyengine.api.analytics.Touchpoints.assertRangeRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/analytics/channels} over HTTP. Expected figures are worked out by hand from the touchpoints below
 * (journey order = occurredAt, then arrival).
 */
class ChannelAnalyticsTest {

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
    void lateTouchpointsMoveSwitchesAndFirstAndLastTouch() {
        Api api = engine.api();
        Touchpoints tp = new Touchpoints(api);
        tp.awaitAnswer("/api/analytics/channels", "{\"channels\":[],\"switches\":[]}");

        // A: SMS 09:00 -> WEB 10:00 -> WEB purchase 11:00. B: APP 09:00 -> STORE purchase 12:00. C: WEB 09:15.
        tp.send(tp.viewed("ch-a", "SMS", "09:00"), tp.cartAdd("ch-a", "WEB", "10:00"),
                tp.checkout("ch-a", "WEB", "11:00", "ch-a-1", null),
                tp.viewed("ch-b", "APP", "09:00"), tp.tillPurchase("ch-b", "12:00", "ch-b-1", null),
                tp.viewed("ch-c", "WEB", "09:15"));
        // Neither a refused touchpoint nor a resent one counts.
        Answer refused = api.post("/api/touchpoints", tp.returned("ch-c", "WEB", "09:20", "no-such-order"));
        assertThat(refused.status()).isEqualTo(422);
        Answer resent = api.post("/api/touchpoints", Api.touchpoint("an-ch-a-1", "ch-a", "SMS",
                "2026-11-20T09:00:00Z", "PRODUCT_VIEWED", java.util.Map.of("sku", "SKU-1")));
        assertThat(resent.json().get("status").asText()).isEqualTo("DUPLICATE");

        // First touch: A SMS, B APP. Last touch: A WEB (the cart add), B APP (the view before the till).
        tp.awaitAnswer("/api/analytics/channels", """
                {"channels":[
                  {"channel":"SMS","touchpoints":1,"customers":1,"firstTouchConversions":1,"lastTouchConversions":0},
                  {"channel":"WEB","touchpoints":3,"customers":2,"firstTouchConversions":0,"lastTouchConversions":1},
                  {"channel":"APP","touchpoints":1,"customers":1,"firstTouchConversions":1,"lastTouchConversions":1},
                  {"channel":"STORE","touchpoints":1,"customers":1,"firstTouchConversions":0,"lastTouchConversions":0}],
                 "switches":[{"from":"SMS","to":"WEB","count":1},{"from":"APP","to":"STORE","count":1}]}""");

        // Late: B chatted on WhatsApp at 11:30, before its purchase: APP -> WHATSAPP -> STORE, last touch WHATSAPP.
        // A saw an e-mail at 08:00, before everything: EMAIL -> SMS -> WEB -> WEB, first touch EMAIL.
        tp.send(tp.conversation("ch-b", "WHATSAPP", "11:30"), tp.viewed("ch-a", "EMAIL", "08:00"));

        tp.awaitAnswer("/api/analytics/channels", """
                {"channels":[
                  {"channel":"SMS","touchpoints":1,"customers":1,"firstTouchConversions":0,"lastTouchConversions":0},
                  {"channel":"WHATSAPP","touchpoints":1,"customers":1,"firstTouchConversions":0,"lastTouchConversions":1},
                  {"channel":"EMAIL","touchpoints":1,"customers":1,"firstTouchConversions":1,"lastTouchConversions":0},
                  {"channel":"WEB","touchpoints":3,"customers":2,"firstTouchConversions":0,"lastTouchConversions":1},
                  {"channel":"APP","touchpoints":1,"customers":1,"firstTouchConversions":1,"lastTouchConversions":0},
                  {"channel":"STORE","touchpoints":1,"customers":1,"firstTouchConversions":0,"lastTouchConversions":0}],
                 "switches":[{"from":"SMS","to":"WEB","count":1},{"from":"WHATSAPP","to":"STORE","count":1},
                             {"from":"EMAIL","to":"SMS","count":1},{"from":"APP","to":"WHATSAPP","count":1}]}""");

        // As if only 09:30 to 11:45 existed: A = WEB 10:00, WEB purchase 11:00; B = WHATSAPP 11:30, not converted.
        tp.awaitAnswer("/api/analytics/channels?from=2026-11-20T09:30:00Z&to=2026-11-20T11:45:00Z", """
                {"channels":[
                  {"channel":"WHATSAPP","touchpoints":1,"customers":1,"firstTouchConversions":0,"lastTouchConversions":0},
                  {"channel":"WEB","touchpoints":2,"customers":1,"firstTouchConversions":1,"lastTouchConversions":1}],
                 "switches":[]}""");
        // Only a start: from 11:15, B = WHATSAPP 11:30 -> STORE purchase 12:00; A has nothing left.
        tp.awaitAnswer("/api/analytics/channels?from=2026-11-20T11:15:00%2B00:00", """
                {"channels":[
                  {"channel":"WHATSAPP","touchpoints":1,"customers":1,"firstTouchConversions":1,"lastTouchConversions":1},
                  {"channel":"STORE","touchpoints":1,"customers":1,"firstTouchConversions":0,"lastTouchConversions":0}],
                 "switches":[{"from":"WHATSAPP","to":"STORE","count":1}]}""");
        // Only an end, before the first touchpoint: nothing.
        tp.awaitAnswer("/api/analytics/channels?to=2026-11-20T08:00:00Z", "{\"channels\":[],\"switches\":[]}");
    }

    @Test
    void aBadRangeIsRefused() {
        Api api = engine.api();
        assertRangeRefused(api, "/api/analytics/channels?from=yesterday", "from");
        assertRangeRefused(api, "/api/analytics/channels?to=2026-11-20", "to");
        assertRangeRefused(api, "/api/analytics/channels?from=2026-11-20T10:00:00Z&to=2026-11-20T10:00:00Z", "to");
        assertRangeRefused(api, "/api/analytics/channels?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z", "to");
        assertRangeRefused(api, "/api/analytics/channels?from=nope&to=x", "from", "to");
    }
}
