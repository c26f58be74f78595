package io.journeyengine.api.analytics;

import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.journeyengine.api.analytics.Touchpoints.assertRangeRefused;

/**
 * {@code GET /api/analytics/carts} over HTTP. The engine does not produce abandonment yet, so a cart left behind
 * is not counted: the figures stay 0 and the rate null.
 */
class CartAnalyticsTest {

    private static final String ZERO = """
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
    void zeroUntilAbandonmentIsProduced() {
        Touchpoints tp = new Touchpoints(engine.api());
        tp.send(tp.cartAdd("ca-1", "WEB", "09:00"), tp.viewed("ca-2", "APP", "09:00"));

        tp.awaitAnswer("/api/analytics/carts", ZERO);
        tp.awaitAnswer("/api/analytics/carts?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z", ZERO);
    }

    @Test
    void aBadRangeIsRefused() {
        Api api = engine.api();
        assertRangeRefused(api, "/api/analytics/carts?to=tomorrow", "to");
        assertRangeRefused(api, "/api/analytics/carts?from=2026-11-20T09:00:00Z&to=2026-11-20T09:00:00Z", "to");
    }
}
