package io.journeyengine.api.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.journeyengine.api.analytics.Touchpoints.assertRangeRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/analytics/promotions/{promotionId}} over HTTP; expected figures worked out by hand. Redeemed =
 * current redemptions: a full return that gives the code back takes its redemption out.
 */
class PromotionAnalyticsTest {

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
    void issuedAndRedeemedPerChannelCrossChannelAndAReturnThatUndoesARedemption() {
        Touchpoints tp = new Touchpoints(engine.api());
        tp.send(// P1: code by SMS 09:00, redeemed at the till 10:00 (cross-channel). Also a spring code, unused.
                tp.consent("pr-1", "SMS", "08:00"), tp.promoSent("pr-1", "SMS", "09:00", "winter-10", "P1-CODE"),
                tp.tillPurchase("pr-1", "10:00", "pr-1-1", "P1-CODE"),
                tp.promoSent("pr-1", "SMS", "09:01", "spring-5", "P1-SPRING"),
                // P2: code by e-mail 09:00, redeemed at the web checkout 10:30 (cross-channel).
                tp.consent("pr-2", "EMAIL", "08:00"), tp.promoSent("pr-2", "EMAIL", "09:00", "winter-10", "P2-CODE"),
                tp.cartAdd("pr-2", "WEB", "09:30"), tp.checkout("pr-2", "WEB", "10:30", "pr-2-1", "P2-CODE"),
                // P3: code on the web 11:00, redeemed on the web 11:20 (same channel).
                tp.consent("pr-3", "WEB", "08:00"), tp.promoSent("pr-3", "WEB", "11:00", "winter-10", "P3-CODE"),
                tp.cartAdd("pr-3", "WEB", "11:10"), tp.checkout("pr-3", "WEB", "11:20", "pr-3-1", "P3-CODE"),
                // P4: code by SMS 12:00, not used.
                tp.consent("pr-4", "SMS", "08:00"), tp.promoSent("pr-4", "SMS", "12:00", "winter-10", "P4-CODE"));

        tp.awaitAnswer("/api/analytics/promotions/winter-10", """
                {"promotionId":"winter-10","issued":4,"redeemed":3,"redemptionRate":0.75,"crossChannelRedemptions":2,
                 "expired":0,"issuedByChannel":{"SMS":2,"EMAIL":1,"WEB":1},"redeemedByChannel":{"WEB":2,"STORE":1}}""");
        tp.awaitAnswer("/api/analytics/promotions/spring-5", """
                {"promotionId":"spring-5","issued":1,"redeemed":0,"redemptionRate":0.0,"crossChannelRedemptions":0,
                 "expired":0,"issuedByChannel":{"SMS":1},"redeemedByChannel":{}}""");

        // P2 returns the whole order at 12:30: the code comes back, the redemption no longer counts.
        tp.send(tp.returned("pr-2", "WEB", "12:30", "pr-2-1"));
        tp.awaitAnswer("/api/analytics/promotions/winter-10", """
                {"promotionId":"winter-10","issued":4,"redeemed":2,"redemptionRate":0.5,"crossChannelRedemptions":1,
                 "expired":0,"issuedByChannel":{"SMS":2,"EMAIL":1,"WEB":1},"redeemedByChannel":{"WEB":1,"STORE":1}}""");

        // ... and redeems it again in the app at 13:10: counted again, at APP, cross-channel (sent by e-mail).
        tp.send(tp.cartAdd("pr-2", "APP", "13:00"), tp.checkout("pr-2", "APP", "13:10", "pr-2-2", "P2-CODE"));
        tp.awaitAnswer("/api/analytics/promotions/winter-10", """
                {"promotionId":"winter-10","issued":4,"redeemed":3,"redemptionRate":0.75,"crossChannelRedemptions":2,
                 "expired":0,"issuedByChannel":{"SMS":2,"EMAIL":1,"WEB":1},"redeemedByChannel":{"WEB":1,"APP":1,"STORE":1}}""");

        // 10:15 to 12:45: sends of P3 (WEB 11:00) and P4 (SMS 12:00); redemptions by purchase time: P3's (11:20);
        // P2's 10:30 redemption was undone by the return, its 13:10 one lies outside.
        tp.awaitAnswer("/api/analytics/promotions/winter-10?from=2026-11-20T10:15:00Z&to=2026-11-20T12:45:00Z", """
                {"promotionId":"winter-10","issued":2,"redeemed":1,"redemptionRate":0.5,"crossChannelRedemptions":0,
                 "expired":0,"issuedByChannel":{"SMS":1,"WEB":1},"redeemedByChannel":{"WEB":1}}""");
        // A range without activity: the promotion exists, its figures are 0.
        tp.awaitAnswer("/api/analytics/promotions/winter-10?from=2027-01-01T00:00:00Z", """
                {"promotionId":"winter-10","issued":0,"redeemed":0,"redemptionRate":null,"crossChannelRedemptions":0,
                 "expired":0,"issuedByChannel":{},"redeemedByChannel":{}}""");
    }

    @Test
    void theListHoldsEveryPromotionWithTheFiguresOfItsOwnAnswer() {
        Touchpoints tp = new Touchpoints(engine.api());
        tp.send(tp.consent("pl-1", "SMS", "08:00"), tp.promoSent("pl-1", "SMS", "09:00", "list-a", "PLA-1"),
                tp.tillPurchase("pl-1", "10:00", "pl-1-1", "PLA-1"),
                tp.consent("pl-2", "EMAIL", "08:00"), tp.promoSent("pl-2", "EMAIL", "11:00", "list-b", "PLB-1"));
        tp.awaitAnswer("/api/analytics/promotions/list-b", """
                {"promotionId":"list-b","issued":1,"redeemed":0,"redemptionRate":0.0,"crossChannelRedemptions":0,
                 "expired":0,"issuedByChannel":{"EMAIL":1},"redeemedByChannel":{}}""");
        tp.awaitAnswer("/api/analytics/promotions/list-a", """
                {"promotionId":"list-a","issued":1,"redeemed":1,"redemptionRate":1.0,"crossChannelRedemptions":1,
                 "expired":0,"issuedByChannel":{"SMS":1},"redeemedByChannel":{"STORE":1}}""");

        // Every promotion of the engine (other tests add theirs), ordered by id, each equal to its own answer.
        Answer list = engine.api().get("/api/analytics/promotions");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = list.json().get("promotions").findValuesAsText("promotionId");
        assertThat(ids).contains("list-a", "list-b").isSorted().doesNotHaveDuplicates();
        for (JsonNode promotion : list.json().get("promotions")) {
            Answer single = engine.api().get("/api/analytics/promotions/" + promotion.get("promotionId").asText());
            assertThat(promotion).isEqualTo(single.json());
        }

        // With a range: every promotion still listed, counted in the range (list-a's send and redemption lie
        // before 10:30, list-b's send after).
        Answer ranged = engine.api().get("/api/analytics/promotions?from=2026-11-20T10:30:00Z&to=2026-11-20T12:00:00Z");
        assertThat(ranged.status()).as(ranged.body()).isEqualTo(200);
        assertThat(byId(ranged.json(), "list-a").get("issued").asLong()).isZero();
        assertThat(byId(ranged.json(), "list-a").get("redemptionRate").isNull()).isTrue();
        assertThat(byId(ranged.json(), "list-b").get("issuedByChannel").toString()).isEqualTo("{\"EMAIL\":1}");
        assertThat(ranged.json().get("promotions").size()).isEqualTo(list.json().get("promotions").size());
    }

    @Test
    void theListIsRefusedForABadRangeWithoutAKeyAndForOtherRoles() {
        assertRangeRefused(engine.api(), "/api/analytics/promotions?from=soon&to=later", "from", "to");
        assertRangeRefused(engine.api(), "/api/analytics/promotions?from=2026-11-20T10:00:00Z"
                + "&to=2026-11-20T09:00:00Z", "to");
        Answer anonymous = engine.anonymous().get("/api/analytics/promotions");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        Answer created = engine.api().post("/api/admin/keys", Map.of("name", "promo-list-agent",
                                                                     "roles", List.of("AGENT")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Answer agent = engine.api(created.json().get("key").asText()).get("/api/analytics/promotions");
        assertThat(agent.status()).isEqualTo(403);
        assertThat(agent.isProblem()).isTrue();
        assertThat(agent.code()).isEqualTo("FORBIDDEN");
    }

    private static JsonNode byId(JsonNode list, String promotionId) {
        for (JsonNode promotion : list.get("promotions")) {
            if (promotion.get("promotionId").asText().equals(promotionId)) {
                return promotion;
            }
        }
        throw new AssertionError(promotionId + " is not in " + list);
    }

    @Test
    void aPromotionNeverIssuedIsNotFound() {
        for (String path : new String[]{"/api/analytics/promotions/never-issued",
                "/api/analytics/promotions/never-issued?from=2026-11-20T00:00:00Z"}) {
            Answer answer = engine.api().get(path);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.code()).isEqualTo("PROMOTION_NOT_FOUND");
        }
    }

    @Test
    void aBadRangeIsRefusedBeforeThePromotionIsLookedUp() {
        Api api = engine.api();
        assertRangeRefused(api, "/api/analytics/promotions/never-issued?from=soon", "from");
        assertRangeRefused(api, "/api/analytics/promotions/winter-10?from=2026-11-20T10:00:00Z"
                + "&to=2026-11-20T09:00:00Z", "to");
    }
}
