package io.journeyengine.api.deadline;

import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET/POST /api/admin/clock} on the real application: moving an adjustable engine's clock makes the
 * deadlines of the skipped time fire (a code expires), and every wrong move is refused without moving it.
 */
class ClockTest {

    private static RunningEngine engine;
    private static Api api;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start("journey.clock.start=2026-11-20T10:05:00Z", "journey.clock.adjustable=true");
        api = engine.api();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void movingTheClockForwardFiresTheDeadlinesOfTheSkippedTime() {
        api.post("/api/touchpoints", touchpoint("clk-consent", "cust-clock", "SMS", "2026-11-20T09:00:00Z",
                                                "CONSENT_CHANGED", Map.of("channel", "SMS", "granted", true)));
        Api.Answer sent = api.post("/api/touchpoints", touchpoint(
                "clk-code", "cust-clock", "SMS", "2026-11-20T09:15:00Z", "PROMO_CODE_SENT",
                Map.of("promotionId", "clock-5", "code", "CLK-1", "discountPercent", 5, "validChannels",
                       java.util.List.of("ALL"), "expiresAt", "2026-11-25T00:00:00Z")));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        Instant before = Instant.parse(api.get("/api/admin/clock").json().get("now").asText());

        Api.Answer moved = api.post("/api/admin/clock", Map.of("advanceBy", "P10D"));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        Instant now = Instant.parse(moved.json().get("now").asText());
        assertThat(Duration.between(before, now)).isBetween(Duration.ofDays(10), Duration.ofDays(10).plusMinutes(1));
        assertThat(moved.json().get("adjustable").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/customers/cust-clock/events?limit=50").body().contains("\"PromoCodeExpired\""));
    }

    @Test
    void wrongMovesAreRefusedAndLeaveTheClockWhereItWas() {
        Instant before = Instant.parse(api.get("/api/admin/clock").json().get("now").asText());
        assertRefused(api.post("/api/admin/clock", Map.of("advanceBy", "-PT1H")), "advanceBy");
        assertRefused(api.post("/api/admin/clock", Map.of("advanceBy", "soon")), "advanceBy");
        assertRefused(api.post("/api/admin/clock", Map.of("to", "2020-01-01T00:00:00Z")), "to");
        assertRefused(api.post("/api/admin/clock", Map.of("to", "tomorrow")), "to");
        assertRefused(api.post("/api/admin/clock", Map.of()), "advanceBy");
        assertRefused(api.post("/api/admin/clock", Map.of("advanceBy", "PT1H", "to", "2030-01-01T00:00:00Z")),
                      "advanceBy");
        Instant after = Instant.parse(api.get("/api/admin/clock").json().get("now").asText());
        assertThat(Duration.between(before, after)).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void anEngineOnTheSystemClockRefusesToMoveIt() {
        try (RunningEngine fixed = RunningEngine.start()) {
            Api.Answer state = fixed.api().get("/api/admin/clock");
            assertThat(state.json().get("adjustable").asBoolean()).isFalse();
            Api.Answer refused = fixed.api().post("/api/admin/clock", Map.of("advanceBy", "P1D"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("CLOCK_NOT_ADJUSTABLE");
            assertThat(refused.isProblem()).isTrue();
        }
    }

    private static void assertRefused(Api.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }
}
