package io.journeyengine.api.analytics;

import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.journeyengine.api.analytics.Touchpoints.assertRangeRefused;

/**
 * {@code GET /api/analytics/journeys} over HTTP; expected figures worked out by hand from the touchpoints below.
 * Time to first purchase = first purchase's occurredAt − first touchpoint's, to the millisecond; the median is
 * rounded half-up to whole seconds.
 */
class JourneyAnalyticsTest {

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
    void omnichannelShareChannelsPerConvertedCustomerAndMedianTimeToFirstPurchase() {
        Touchpoints tp = new Touchpoints(engine.api());
        tp.awaitAnswer("/api/analytics/journeys", """
                {"customers":0,"omnichannelCustomers":0,"omnichannelShare":null,
                 "avgChannelsPerConvertedCustomer":null,"medianTimeToFirstPurchase":null}""");

        tp.send(// A: SMS, WEB; bought 2 h 30 min after its first touchpoint (9 000 000 ms).
                tp.viewed("jo-a", "SMS", "09:00"), tp.cartAdd("jo-a", "WEB", "10:00"),
                tp.checkout("jo-a", "WEB", "11:30", "jo-a-1", null),
                // B: STORE only; its first touchpoint is its purchase (0 ms).
                tp.tillPurchase("jo-b", "09:00", "jo-b-1", null),
                // C: APP, WEB; never bought.
                tp.viewed("jo-c", "APP", "09:00"), tp.viewed("jo-c", "WEB", "09:10"),
                // D: EMAIL, APP; bought 1 h 0 min 1.5 s after (3 601 500 ms).
                tp.viewed("jo-d", "EMAIL", "08:00"), tp.cartAdd("jo-d", "APP", "08:30"),
                tp.checkout("jo-d", "APP", "09:00:01.500", "jo-d-1", null));

        // 4 customers, 3 omnichannel (A, C, D); converted A, B, D with 2 + 1 + 2 channels = 1.67;
        // median of [0, 3 601 500, 9 000 000] ms = 3 601.5 s -> 3 602 s.
        tp.awaitAnswer("/api/analytics/journeys", """
                {"customers":4,"omnichannelCustomers":3,"omnichannelShare":0.75,
                 "avgChannelsPerConvertedCustomer":1.67,"medianTimeToFirstPurchase":"PT1H2S"}""");

        // Late: B was on the web at 07:00 (now omnichannel, 2 h = 7 200 000 ms to its purchase).
        // E: WEB only, bought 999 ms after its first touchpoint.
        tp.send(tp.viewed("jo-b", "WEB", "07:00"),
                tp.cartAdd("jo-e", "WEB", "10:00"), tp.checkout("jo-e", "WEB", "10:00:00.999", "jo-e-1", null));

        // 5 customers, 4 omnichannel; converted A, B, D, E: (2 + 2 + 2 + 1) / 4 = 1.75;
        // median of [999, 3 601 500, 7 200 000, 9 000 000] = (3 601 500 + 7 200 000) / 2 = 5 400 750 ms -> 5 401 s.
        tp.awaitAnswer("/api/analytics/journeys", """
                {"customers":5,"omnichannelCustomers":4,"omnichannelShare":0.8,
                 "avgChannelsPerConvertedCustomer":1.75,"medianTimeToFirstPurchase":"PT1H30M1S"}""");

        // As if only 08:15 to 09:30 existed: A = SMS; B = STORE purchase (0 ms); C = APP, WEB;
        // D = APP 08:30, APP purchase 09:00:01.5 (1 801 500 ms). Median (0 + 1 801 500) / 2 ms = 900.75 s -> 901 s.
        tp.awaitAnswer("/api/analytics/journeys?from=2026-11-20T08:15:00Z&to=2026-11-20T09:30:00Z", """
                {"customers":4,"omnichannelCustomers":1,"omnichannelShare":0.25,
                 "avgChannelsPerConvertedCustomer":1.0,"medianTimeToFirstPurchase":"PT15M1S"}""");
        // 09:05 to 09:20: only C's web visit, nobody converted.
        tp.awaitAnswer("/api/analytics/journeys?from=2026-11-20T09:05:00Z&to=2026-11-20T09:20:00Z", """
                {"customers":1,"omnichannelCustomers":0,"omnichannelShare":0.0,
                 "avgChannelsPerConvertedCustomer":null,"medianTimeToFirstPurchase":null}""");
    }

    @Test
    void aBadRangeIsRefused() {
        Api api = engine.api();
        assertRangeRefused(api, "/api/analytics/journeys?from=2026-13-01T00:00:00Z", "from");
        assertRangeRefused(api, "/api/analytics/journeys?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z", "to");
    }
}
