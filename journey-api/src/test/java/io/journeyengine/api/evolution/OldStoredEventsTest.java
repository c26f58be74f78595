package io.journeyengine.api.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A journey stored before PromoCodeSent revision 2 — rows written straight into {@code domain_event_entry} in the old
 * stored form, with revision null and "1" — is read through the upcaster everywhere: the raw stream, time travel, the
 * journey deciding on new touchpoints, and a view, also when that view is rebuilt. Money stays exact throughout.
 */
class OldStoredEventsTest {

    private static final String CUSTOMER = "cust-old";
    private static RunningEngine engine;
    private static Api api;
    private static long position;

    @BeforeAll
    static void storeAnOldJourney() {
        engine = RunningEngine.start();
        api = engine.api();
        store(0, null, "io.journeyengine.journey.JourneyStarted", "old-1", "2026-11-20T08:59:00Z", "");
        store(1, null, "io.journeyengine.journey.consent.ConsentChanged", "old-1", "2026-11-20T08:59:00Z",
              ",\"consentChannel\":\"SMS\",\"granted\":true");
        store(2, null, "io.journeyengine.journey.lifecycle.LifecycleStageAdvanced", "old-1", "2026-11-20T08:59:00Z",
              ",\"from\":null,\"to\":\"ACQUISITION\",\"rule\":\"CONSENT_GRANTED\"");
        // Revision 1 as the engine wrote it, with revision null (before events carried @Revision) ...
        store(3, null, "io.journeyengine.journey.promotion.PromoCodeSent", "old-2", "2026-11-20T09:15:00Z",
              ",\"promotionId\":\"five-off\",\"code\":\"FIVE-OLD\",\"discount\":{\"percent\":null,\"amount\":5.00,"
                      + "\"currency\":\"EUR\"},\"validChannels\":[\"STORE\",\"WEB\"],"
                      + "\"expiresAt\":\"2026-12-31T23:59:59Z\"");
        // ... and with revision "1".
        store(4, "1", "io.journeyengine.journey.promotion.PromoCodeSent", "old-3", "2026-11-20T09:16:00Z",
              ",\"promotionId\":\"twelve\",\"code\":\"TWELVE-OLD\",\"discount\":{\"percent\":12.50,\"amount\":null,"
                      + "\"currency\":null},\"validChannels\":[\"ALL\"],\"expiresAt\":\"2026-12-31T23:59:59Z\"");
        Long max = engine.database().queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        position = max == null ? 0 : max;
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void theRawStreamShowsTheOldEventsInTheirNewFormWithMoneyExact() throws Exception {
        // The five stored rows (other tests of this class add touchpoints after them).
        Answer answer = api.get("/api/customers/" + CUSTOMER + "/events?limit=5");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode events = answer.json().get("events");
        assertThat(events).hasSize(5);
        JsonNode five = events.get(3);
        assertThat(five.get("revision").asText()).isEqualTo("2");
        assertThat(five.get("payload").has("validChannels")).isFalse();
        assertThat(five.get("payload").get("validOn").toString())
                .isEqualTo("{\"allChannels\":false,\"channels\":[\"STORE\",\"WEB\"]}");
        assertThat(events.get(4).get("payload").get("validOn").get("allChannels").asBoolean()).isTrue();
        assertThat(answer.body()).contains("\"amount\":5.00").contains("\"percent\":12.50");
        assertThat(events.get(0).get("revision").asText()).isEqualTo("1");
    }

    @Test
    void theJourneyLoadedFromOldEventsDecidesOnTheEvolvedField() {
        Answer state = api.get("/api/customers/" + CUSTOMER + "/state");
        JsonNode promotions = state.json().get("state").get("promotions");
        assertThat(promotions.get(0).get("validChannels").toString()).isEqualTo("[\"STORE\",\"WEB\"]");
        assertThat(promotions.get(0).get("discount").get("amount").asText()).isEqualTo("5.00");
        assertThat(promotions.get(1).get("validChannels").toString()).isEqualTo("[\"ALL\"]");
        assertThat(promotions.get(1).get("discount").get("percent").asText()).isEqualTo("12.50");

        sent(touchpoint("new-1", CUSTOMER, "WEB", "2026-11-21T10:00:00Z", "CART_ITEM_ADDED",
                        Map.of("sku", "BOOTS-42", "quantity", 1, "unitPrice", "20.00", "currency", "EUR")), 200);
        // FIVE-OLD is valid on STORE and WEB only.
        Answer app = api.post("/api/touchpoints", touchpoint("new-2", CUSTOMER, "APP", "2026-11-21T10:05:00Z",
                "CHECKOUT_COMPLETED", Map.of("orderId", "app-1", "fulfilment", "DELIVERY", "promoCode", "FIVE-OLD")));
        assertThat(app.status()).isEqualTo(422);
        assertThat(app.code()).isEqualTo("PROMO_CHANNEL_NOT_ALLOWED");
        assertThat(app.json().get("validChannels").toString()).isEqualTo("[\"STORE\",\"WEB\"]");
        Answer web = sent(touchpoint("new-3", CUSTOMER, "WEB", "2026-11-21T10:06:00Z", "CHECKOUT_COMPLETED",
                Map.of("orderId", "web-1", "fulfilment", "DELIVERY", "promoCode", "five-old")), 200);
        assertThat(web.json().get("events").toString()).contains("PromoCodeRedeemed");
        // TWELVE-OLD (every channel, 12.50 %) at the till: 12.50 % of 40.00 is 5.00.
        Answer till = sent(touchpoint("new-4", CUSTOMER, "STORE", "2026-11-21T11:00:00Z", "IN_STORE_PURCHASE",
                Map.of("orderId", "till-1", "storeId", "store-1", "promoCode", "TWELVE-OLD", "items",
                       List.of(Map.of("sku", "SCARF", "quantity", 2, "unitPrice", "20.00", "currency", "EUR")))), 200);
        position = Math.max(position, till.json().get("position").asLong());
        JsonNode orders = api.get("/api/customers/" + CUSTOMER + "/state").json().get("state").get("orders");
        assertThat(orders.get(0).get("total").asText()).isEqualTo("15.00");
        assertThat(orders.get(1).get("total").asText()).isEqualTo("35.00");
    }

    @Test
    void aViewReadsTheOldEventsAndRebuildsFromThemAlike() {
        List<String> summaries = summaries();
        assertThat(summaries).contains("Code FIVE-OLD sent (5.00 EUR off; valid on STORE, WEB)",
                                       "Code TWELVE-OLD sent (12.5%)");
        Answer replay = api.post("/api/admin/projections/timeline/replay", "{}");
        assertThat(replay.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode progress = api.get("/api/admin/projections/timeline").json().get("replay");
            assertThat(progress.get("replaying").asBoolean()).isFalse();
            assertThat(progress.get("percentage").asDouble()).isEqualTo(100.0);
        });
        assertThat(summaries()).isEqualTo(summaries);
        JsonNode customer = api.get("/api/customers/" + CUSTOMER + "?minPosition=" + position).json();
        assertThat(customer.get("promotions").toString()).contains("FIVE-OLD", "TWELVE-OLD");
    }

    private static List<String> summaries() {
        Answer timeline = api.get("/api/customers/" + CUSTOMER + "/timeline?minPosition=" + position);
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        List<String> summaries = new ArrayList<>();
        timeline.json().get("touchpoints").forEach(t -> summaries.add(t.get("summary").asText()));
        return summaries;
    }

    private static Answer sent(Object touchpoint, int status) {
        Answer answer = api.post("/api/touchpoints", touchpoint);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return answer;
    }

    /** One row as the engine stored it before revision 2: Jackson JSON bytes, the revision given, metadata. */
    private static void store(long sequence, String revision, String type, String touchpointId, String occurredAt,
                              String fields) {
        String channel = touchpointId.equals("old-1") || touchpointId.equals("old-2") || touchpointId.equals("old-3")
                ? "SMS" : "WEB";
        String payload = "{\"customerId\":\"" + CUSTOMER + "\",\"touchpoint\":{\"id\":\"" + touchpointId
                + "\",\"channel\":\"" + channel + "\",\"occurredAt\":\"" + occurredAt + "\"}" + fields + "}";
        String metadata = "{\"touchpointId\":\"" + touchpointId + "\",\"channel\":\"" + channel + "\","
                + "\"receivedAt\":\"2026-11-20T09:20:00Z\",\"correlationId\":\"old-request\","
                + "\"causationId\":\"old-command-" + touchpointId + "\"}";
        engine.database().update(
                "INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                        + "meta_data, payload, payload_revision, payload_type, time_stamp) "
                        + "VALUES (?, ?, 'CustomerJourney', ?, ?, ?, ?, ?, ?)",
                CUSTOMER, sequence, UUID.randomUUID().toString(), metadata.getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), revision, type, "2026-11-20T09:20:0" + sequence + "Z");
    }
}
