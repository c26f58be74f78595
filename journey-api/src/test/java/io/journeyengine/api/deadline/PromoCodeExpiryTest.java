package io.journeyengine.api.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Customer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Promo codes expire by themselves over HTTP: when the engine's clock passes a code's expiresAt, a PromoCodeExpired
 * is recorded, the customer 360 shows the code EXPIRED and the promotion analytics count it; a purchase made in time
 * but reported after the expiry still uses the code and takes the expiry back.
 */
class PromoCodeExpiryTest {

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
    void anUnusedCodeExpiresByItselfAndALatePurchaseInTimeStillUsesIt() {
        Customer eva = new Customer(api, "cust-expiry-eva");
        eva.consent("SMS", "2026-11-20T09:00:00Z", "SMS", true);
        eva.codeSent("SMS", "2026-11-20T09:01:00Z", "flash-24h", "FLASH-EVA", "2026-11-21T09:00:00Z");
        Customer ole = new Customer(api, "cust-expiry-ole");
        ole.consent("EMAIL", "2026-11-20T09:00:00Z", "EMAIL", true);
        ole.codeSent("EMAIL", "2026-11-20T09:02:00Z", "flash-24h", "FLASH-OLE", "2026-11-21T09:00:00Z");
        assertThat(status("cust-expiry-eva")).isEqualTo("AVAILABLE");

        engine.clock().setTo(Instant.parse("2026-11-21T10:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(events("cust-expiry-eva", "PromoCodeExpired")).isEqualTo(1);
            assertThat(events("cust-expiry-ole", "PromoCodeExpired")).isEqualTo(1);
        });
        JsonNode figures = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/analytics/promotions/flash-24h").json(), f -> f.get("expired").asLong() == 2);
        assertThat(figures.get("issued").asLong()).isEqualTo(2);
        assertThat(figures.get("redeemed").asLong()).isZero();
        assertThat(status("cust-expiry-eva")).isEqualTo("EXPIRED");
        // Each expiry counts at its own time (expiresAt).
        assertThat(api.get("/api/analytics/promotions/flash-24h?from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z")
                      .json().get("expired").asLong()).isEqualTo(2);
        assertThat(api.get("/api/analytics/promotions/flash-24h?to=2026-11-21T00:00:00Z").json().get("expired")
                      .asLong()).isZero();

        // The till was offline: Ole's purchase at 20:00 the day before arrives now. Judged at its business time, the
        // code was valid: it is redeemed, and no longer counts as expired.
        ole.tillPurchase("2026-11-20T20:00:00Z", "till-ole-1", "SCARF-RED", "24.95", "FLASH-OLE");
        JsonNode after = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/analytics/promotions/flash-24h").json(), f -> f.get("redeemed").asLong() == 1);
        assertThat(after.get("expired").asLong()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(status("cust-expiry-ole")).isEqualTo("REDEEMED"));
        // A purchase reported now for the expired code of Eva, at today's time, is refused.
        Api.Answer refused = api.post("/api/touchpoints", Api.touchpoint(
                "expiry-eva-late", "cust-expiry-eva", "STORE", "2026-11-21T09:30:00Z", "IN_STORE_PURCHASE",
                Map.of("orderId", "till-eva-1", "storeId", "store-1", "promoCode", "FLASH-EVA",
                                 "items", List.of(Map.of("sku", "HAT", "quantity", 1,
                                                                             "unitPrice", "10.00", "currency", "EUR")))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("PROMO_EXPIRED");
    }

    private static String status(String customer) {
        JsonNode profile = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/customers/" + customer).json(), p -> p != null && p.path("promotions").size() == 1);
        return profile.get("promotions").get(0).get("status").asText();
    }

    private static long events(String customer, String type) {
        Long n = engine.database().queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                Long.class, customer, "%." + type);
        return n == null ? 0 : n;
    }
}
