package io.journeyengine.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Channel scoping, key management, revocation, rate limits, and secrets that never leak. */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyTest {

    private static RunningEngine engine;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    private static Answer createKey(Map<String, ?> body) {
        return engine.api().post("/api/admin/keys", body);
    }

    private static String secret(Answer created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asText();
    }

    private static Map<String, Object> purchase(String id, String channel) {
        return Map.of("touchpointId", id, "customerId", "cust-scoped", "channel", channel,
                      "occurredAt", "2026-11-20T10:00:00Z", "type", "IN_STORE_PURCHASE",
                      "data", Map.of("orderId", id, "storeId", "s-1", "items",
                                     List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "1.00",
                                                    "currency", "EUR"))));
    }

    @Test
    void anSmsGatewayKeyCannotSendAStorePurchase() {
        Api sms = engine.api(secret(createKey(Map.of("name", "sms-gateway", "roles", List.of("CHANNEL"),
                                                     "channels", List.of("SMS")))));
        Answer refused = sms.post("/api/touchpoints", purchase("scope-1", "STORE"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.code()).isEqualTo("CHANNEL_NOT_ALLOWED");
        assertThat(engine.eventCount("cust-scoped")).isZero();

        Api till = engine.api(secret(createKey(Map.of("name", "tills", "roles", List.of("CHANNEL"),
                                                      "channels", List.of("STORE")))));
        assertThat(till.post("/api/touchpoints", purchase("scope-2", "STORE")).status()).isEqualTo(200);
    }

    @Test
    void inABatchOnlyTheItemsOfForeignChannelsAreRefused() {
        Api web = engine.api(secret(createKey(Map.of("name", "web-shop", "roles", List.of("CHANNEL"),
                                                     "channels", List.of("WEB", "APP")))));
        Answer answer = web.post("/api/touchpoints/batch", List.of(
                touchpoint("scope-b1", "cust-scoped-b", "WEB", "2026-11-20T10:00:00Z", "PRODUCT_VIEWED",
                           Map.of("sku", "A")),
                touchpoint("scope-b2", "cust-scoped-b", "STORE", "2026-11-20T10:00:00Z", "PRODUCT_VIEWED",
                           Map.of("sku", "A"))));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get(0).get("status").asText()).isEqualTo("APPLIED");
        assertThat(answer.json().get(1).get("status").asText()).isEqualTo("REJECTED");
        assertThat(answer.json().get(1).get("problem").get("code").asText()).isEqualTo("CHANNEL_NOT_ALLOWED");
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        Answer created = createKey(Map.of("name", "agent-anna", "roles", List.of("AGENT")));
        Api anna = engine.api(secret(created));
        assertThat(anna.get("/api/customers/nobody/cart").status()).isEqualTo(404);

        Answer revoked = engine.api().delete("/api/admin/keys/" + created.json().get("id").asText());
        assertThat(revoked.status()).isEqualTo(204);
        Answer after = anna.get("/api/customers/nobody/cart");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("UNAUTHENTICATED");

        JsonNode listed = engine.api().get("/api/admin/keys").json();
        List<String> revokedNames = new ArrayList<>();
        listed.forEach(k -> {
            if (!k.get("revokedAt").isNull()) {
                revokedNames.add(k.get("name").asText());
            }
        });
        assertThat(revokedNames).contains("agent-anna");
    }

    @Test
    void aRevocationByAnotherNodeTakesEffectWithinTheKeyCacheTime() {
        Answer created = createKey(Map.of("name", "agent-otto", "roles", List.of("AGENT")));
        Api otto = engine.api(secret(created));
        assertThat(otto.get("/api/customers/nobody/cart").status()).isEqualTo(404);

        // Another node on the same database revokes the key: only the row changes, this node is not told.
        // (The one place a test writes to the engine's database: it plays the other node.)
        int rows = engine.database().update("UPDATE api_key SET revoked_at = CURRENT_TIMESTAMP WHERE id = ?",
                                            created.json().get("id").asText());
        assertThat(rows).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5))
               .untilAsserted(() -> assertThat(otto.get("/api/customers/nobody/cart").status()).isEqualTo(401));
    }

    @Test
    void theLastAdminKeyCannotBeRevoked() {
        Answer answer = engine.api().delete("/api/admin/keys/key-bootstrap");
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("LAST_ADMIN_KEY");
    }

    @Test
    void aKeyOverItsRateIsAnswered429WithRetryAfter() {
        Api limited = engine.api(secret(createKey(Map.of("name", "slow-kiosk", "roles", List.of("CHANNEL"),
                                                         "channels", List.of("KIOSK"), "rateLimitPerSecond", 3))));
        List<Integer> statuses = new ArrayList<>();
        Answer last = null;
        for (int i = 0; i < 10; i++) {
            last = limited.post("/api/bench/noop", "{}");
            statuses.add(last.status());
        }
        assertThat(statuses).contains(200, 429);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(4);
        Answer tooMany = limited.post("/api/bench/noop", "{}");
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.code()).isEqualTo("RATE_LIMITED");
        assertThat(tooMany.header("Retry-After")).isNotBlank();
        // The bootstrap key has no limit.
        for (int i = 0; i < 30; i++) {
            assertThat(engine.api().post("/api/bench/noop", "{}").status()).isEqualTo(200);
        }
    }

    @Test
    void invalidKeyRequestsAreProblemsNamingTheFields() {
        Answer answer = createKey(Map.of("name", "", "roles", List.of("WIZARD")));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.json().get("errors").findValuesAsText("field")).contains("name", "roles[0]");
        Answer channelWithoutChannels = createKey(Map.of("name", "x", "roles", List.of("CHANNEL")));
        assertThat(channelWithoutChannels.json().get("errors").findValuesAsText("field")).contains("channels");
    }

    @Test
    void keyChangesAreAudited() {
        Answer created = createKey(Map.of("name", "audited", "roles", List.of("ANALYST")));
        engine.api().delete("/api/admin/keys/" + created.json().get("id").asText());
        JsonNode audit = engine.api().get("/api/admin/audit").json();
        List<String> entries = new ArrayList<>();
        audit.forEach(e -> entries.add(e.get("action").asText() + " " + e.get("detail").asText() + " by "
                                               + e.get("keyName").asText()));
        assertThat(entries).anyMatch(e -> e.startsWith("KEY_CREATED name=audited") && e.endsWith("by bootstrap"));
        assertThat(entries).anyMatch(e -> e.startsWith("KEY_REVOKED name=audited") && e.endsWith("by bootstrap"));
    }

    @Test
    void noSecretAppearsInLogsListingsOrAuditAfterCreation(CapturedOutput output) {
        String secret = secret(createKey(Map.of("name", "secret-keeper", "roles", List.of("CHANNEL"),
                                                "channels", List.of("EMAIL"))));
        Api keeper = engine.api(secret);
        keeper.post("/api/touchpoints", touchpoint("secret-1", "cust-secret", "EMAIL", "2026-11-20T10:00:00Z",
                                                   "PRODUCT_VIEWED", Map.of("sku", "A")));
        keeper.get("/api/admin/keys");                              // a 403, logged or not
        engine.api(secret + "x").get("/api/customers/x/cart");      // a wrong key
        assertThat(engine.api().get("/api/admin/keys").body()).doesNotContain(secret);
        assertThat(engine.api().get("/api/admin/audit").body()).doesNotContain(secret);
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(RunningEngine.ADMIN_KEY);
        String stored = engine.database().queryForObject(
                "SELECT key_hash FROM api_key WHERE name = 'secret-keeper'", String.class);
        assertThat(stored).hasSize(64).doesNotContain(secret);
    }
}
