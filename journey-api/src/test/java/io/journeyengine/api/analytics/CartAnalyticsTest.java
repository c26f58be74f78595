package io.journeyengine.api.analytics;

import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.journeyengine.api.analytics.Touchpoints.assertRangeRefused;

/**
 * {@code GET /api/analytics/carts} over HTTP, with carts abandoned by the engine itself as its clock moves on (3
 * hours after the last cart activity): abandoned carts, reminders sent, carts recovered by a checkout within 7 days
 * of the reminder, {@code recovered / abandoned}, recoveries per channel of the checkout; each counted by its own
 * time in a range.
 */
class CartAnalyticsTest {

    private static RunningEngine engine;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start("journey.clock.start=2026-11-20T09:30:00Z", "journey.clock.adjustable=true",
                                     "journey.cart.abandon-after=PT3H");
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void abandonedRemindedAndRecoveredCartsAreCounted() {
        Touchpoints tp = new Touchpoints(engine.api());
        tp.awaitAnswer("/api/analytics/carts", """
                {"abandoned":0,"reminded":0,"recovered":0,"recoveryRate":null,"recoveredByChannel":{}}""");
        // Reminded on Messenger, later recovered in the app; reminded by SMS; no consent: abandoned, not reminded;
        // checked out in time: never abandoned.
        tp.send(tp.consent("ca-1", "MESSENGER", "08:00"), tp.cartAdd("ca-1", "WEB", "09:00"),
                tp.consent("ca-2", "SMS", "08:00"), tp.cartAdd("ca-2", "APP", "09:10"),
                tp.cartAdd("ca-3", "WEB", "09:20"),
                tp.consent("ca-4", "EMAIL", "08:00"), tp.cartAdd("ca-4", "WEB", "09:25"),
                tp.checkout("ca-4", "WEB", "09:29", "ca-4-o1", null));

        // Three hours after the last cart activity, and after the engine heard of it (09:30 on its clock).
        engine.clock().setTo(Instant.parse("2026-11-20T12:40:00Z"));
        tp.awaitAnswer("/api/analytics/carts", """
                {"abandoned":3,"reminded":2,"recovered":0,"recoveryRate":0.0,"recoveredByChannel":{}}""");

        engine.clock().setTo(Instant.parse("2026-11-21T10:05:00Z"));
        tp.send(tp.checkout("ca-1", "APP", "2026-11-21T10:00:00Z", "ca-1-o1", null));
        tp.awaitAnswer("/api/analytics/carts", """
                {"abandoned":3,"reminded":2,"recovered":1,"recoveryRate":0.3333,"recoveredByChannel":{"APP":1}}""");

        // Ranges count each event by its own time: ca-2's abandonment and reminder at 12:10; the recovery on the 21st.
        tp.awaitAnswer("/api/analytics/carts?from=2026-11-20T12:05:00Z&to=2026-11-20T12:15:00Z", """
                {"abandoned":1,"reminded":1,"recovered":0,"recoveryRate":0.0,"recoveredByChannel":{}}""");
        tp.awaitAnswer("/api/analytics/carts?from=2026-11-21T00:00:00Z", """
                {"abandoned":0,"reminded":0,"recovered":1,"recoveryRate":null,"recoveredByChannel":{"APP":1}}""");
    }

    @Test
    void aBadRangeIsRefused() {
        Api api = engine.api();
        assertRangeRefused(api, "/api/analytics/carts?to=tomorrow", "to");
        assertRangeRefused(api, "/api/analytics/carts?from=2026-11-20T09:00:00Z&to=2026-11-20T09:00:00Z", "to");
    }
}
