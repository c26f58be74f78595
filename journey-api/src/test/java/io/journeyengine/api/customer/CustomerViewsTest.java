package io.journeyengine.api.customer;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.Customer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The timeline and the customer 360 over HTTP against the running application: a journey across SMS, WhatsApp, a
 * call, the web shop, the app and a store, with a late touchpoint, then the conversation closed, the till order
 * returned (its code comes back) and the SMS consent withdrawn.
 */
class CustomerViewsTest {

    private static final String ANN = "cust-ann";
    private static RunningEngine engine;
    private static Api api;
    private static Customer ann;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start();
        api = engine.api();
        ann = new Customer(api, ANN);
        ann.sendAs("PHONE", "+31 6 1234 5678", "SMS", "2026-11-20T08:59:00Z", "CONSENT_CHANGED",
                   Map.of("channel", "SMS", "granted", true));                                                    // 1
        ann.codeSent("SMS", "2026-11-20T09:00:00Z", "winter-10", "WIN-8K2P", "2099-12-31T23:59:59Z");             // 2
        ann.codeSent("SMS", "2026-11-20T09:01:00Z", "autumn-10", "OLD-1", "2020-01-01T00:00:00Z");                // 3
        ann.send("WHATSAPP", "2026-11-20T09:10:00Z", "CONVERSATION_STARTED",
                 Map.of("conversationId", "conv-1", "topic", "winter offer"));                                    // 4
        ann.send("WHATSAPP", "2026-11-20T09:12:00Z", "CONVERSATION_MESSAGE", Map.of("conversationId", "conv-1",
                 "direction", "OUTBOUND", "text", "Use your code at the web checkout"));                          // 5
        ann.send("WHATSAPP", "2026-11-20T09:15:00Z", "CONVERSATION_HANDED_OVER",
                 Map.of("conversationId", "conv-1", "toChannel", "VOICE"));                                       // 6
        ann.send("VOICE", "2026-11-20T09:20:00Z", "CONVERSATION_MESSAGE", Map.of("conversationId", "conv-1",
                 "direction", "INBOUND", "text", "Thanks, see you"));                                             // 7
        ann.cartAdd("WEB", "2026-11-20T10:00:00Z", "BOOTS-42", 2, "89.90");                                       // 8
        ann.cartAdd("WEB", "2026-11-20T10:01:00Z", "SOCKS-3P", 1, "12.50");                                       // 9
        ann.send("APP", "2026-11-20T10:30:00Z", "IDENTITY_LINKED", Map.of("type", "EMAIL",
                 "value", "Ann@Example.com"));                                                                    // 10
        ann.tillPurchase("2026-11-21T15:00:00Z", "till-1", "SCARF-RED", "24.95", "WIN-8K2P");                     // 11
        ann.checkout("APP", "2026-11-21T16:00:00Z", "app-1", "store-ams-1", null);                                // 12
        ann.send("STORE", "2026-11-22T10:00:00Z", "ORDER_PICKED_UP",
                 Map.of("orderId", "app-1", "storeId", "store-ams-1"));                                           // 13
        // Reported late: the earliest touchpoint of all.
        ann.viewed("WEB", "2026-11-20T08:00:00Z", "BOOTS-42");                                                    // 14
        // At the same business time as touchpoint 8, but it arrived later: it comes after it.
        ann.viewed("APP", "2026-11-20T10:00:00Z", "SOCKS-3P");                                                    // 15
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void theTimelineListsEveryTouchpointByBusinessTimeThenArrivalWithASummary() {
        JsonNode timeline = awaitTimeline(ANN, 15);
        assertThat(timeline.get("customerId").asText()).isEqualTo(ANN);
        assertThat(ids(timeline)).containsExactly(ann.id(14), ann.id(1), ann.id(2), ann.id(3), ann.id(4), ann.id(5),
                                                  ann.id(6), ann.id(7), ann.id(8), ann.id(15), ann.id(9), ann.id(10),
                                                  ann.id(11), ann.id(12), ann.id(13));
        JsonNode first = timeline.get("touchpoints").get(0);
        assertThat(first).isEqualTo(json("""
                {"touchpointId":"cust-ann-tp14","type":"PRODUCT_VIEWED","channel":"WEB",
                 "occurredAt":"2026-11-20T08:00:00Z","summary":"Viewed BOOTS-42"}"""));
        Map<String, String> summaries = new java.util.HashMap<>();
        Map<String, String> types = new java.util.HashMap<>();
        timeline.get("touchpoints").forEach(t -> {
            summaries.put(t.get("touchpointId").asText(), t.get("summary").asText());
            types.put(t.get("touchpointId").asText(), t.get("type").asText());
        });
        assertThat(summaries.get(ann.id(1))).isEqualTo("Marketing consent for SMS granted");
        assertThat(summaries.get(ann.id(2))).isEqualTo("Code WIN-8K2P sent (10%)");
        assertThat(summaries.get(ann.id(6))).isEqualTo("Conversation conv-1 handed over WHATSAPP → VOICE");
        assertThat(summaries.get(ann.id(8))).isEqualTo("Added 2 × BOOTS-42 at 89.90 EUR");
        // 24.95 less 10 % (2.495, rounded half-up to 2.50) is 22.45.
        assertThat(summaries.get(ann.id(11))).isEqualTo("Bought in store store-1 (order till-1): 1 item, 22.45 EUR "
                                                                + "with code WIN-8K2P");
        assertThat(summaries.get(ann.id(12))).isEqualTo("Order app-1 placed: 3 items, 192.30 EUR, STORE_PICKUP at "
                                                                + "store-ams-1");
        assertThat(types).containsEntry(ann.id(1), "CONSENT_CHANGED").containsEntry(ann.id(5), "CONVERSATION_MESSAGE")
                         .containsEntry(ann.id(6), "CONVERSATION_HANDED_OVER")
                         .containsEntry(ann.id(10), "IDENTITY_LINKED").containsEntry(ann.id(11), "IN_STORE_PURCHASE")
                         .containsEntry(ann.id(12), "CHECKOUT_COMPLETED").containsEntry(ann.id(13), "ORDER_PICKED_UP");
        // No personal data in the summaries: the linked e-mail address and the message texts are not repeated.
        assertThat(timeline.toString()).doesNotContain("ann@example.com").doesNotContain("Thanks, see you");
    }

    @Test
    void aLimitGivesTheLatestTouchpointsStillInOrder() {
        awaitTimeline(ANN, 15);
        Answer latest = api.get("/api/customers/" + ANN + "/timeline?limit=3");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(ids(latest.json())).containsExactly(ann.id(11), ann.id(12), ann.id(13));
    }

    @Test
    void aBadLimitIsRefused() {
        for (String limit : List.of("0", "1001", "ten", "-1")) {
            Answer answer = api.get("/api/customers/" + ANN + "/timeline?limit=" + limit);
            assertThat(answer.status()).as(limit).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
        }
    }

    @Test
    void anUnknownCustomerHasNoTimelineAndNoProfile() {
        for (String path : List.of("/api/customers/cust-nobody/timeline", "/api/customers/cust-nobody")) {
            Answer answer = api.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.code()).isEqualTo("CUSTOMER_NOT_FOUND");
        }
    }

    @Test
    void theCustomer360ShowsTheWholeJourneyAndTheNextBestAction() {
        // The last facts to arrive: the late view on the timeline, the pickup on the order.
        JsonNode c = await().atMost(Duration.ofSeconds(15)).until(
                () -> api.get("/api/customers/" + ANN),
                a -> a.status() == 200 && a.json().get("channels").size() == 6
                        && a.json().get("orders").size() == 2
                        && a.json().get("orders").get(1).get("pickedUp").asBoolean()
                        && a.json().get("stageHistory").size() == 3).json();

        assertThat(c.get("customerId").asText()).isEqualTo(ANN);
        assertThat(c.get("stage").asText()).isEqualTo("RETENTION");
        assertThat(c.get("stageHistory")).isEqualTo(json("""
                [{"stage":"ACQUISITION","at":"2026-11-20T08:59:00Z","rule":"CONSENT_GRANTED","touchpointId":"cust-ann-tp1"},
                 {"stage":"CONVERSION","at":"2026-11-21T15:00:00Z","rule":"FIRST_PURCHASE","touchpointId":"cust-ann-tp11"},
                 {"stage":"RETENTION","at":"2026-11-21T16:00:00Z","rule":"SECOND_PURCHASE","touchpointId":"cust-ann-tp12"}]
                """));
        assertThat(c.get("identities")).isEqualTo(json("""
                [{"type":"PHONE","value":"+31612345678"},{"type":"EMAIL","value":"ann@example.com"}]"""));
        assertThat(c.get("consents")).isEqualTo(json("{\"SMS\":true}"));
        assertThat(c.get("cart")).isEqualTo(api.get("/api/customers/" + ANN + "/cart").json());
        assertThat(c.get("cart").get("items")).isEmpty();
        assertThat(c.get("conversations")).isEqualTo(json("""
                [{"conversationId":"conv-1","topic":"winter offer","channels":["WHATSAPP","VOICE"],"open":true,
                  "messages":[{"direction":"OUTBOUND","text":"Use your code at the web checkout","channel":"WHATSAPP",
                               "at":"2026-11-20T09:12:00Z"},
                              {"direction":"INBOUND","text":"Thanks, see you","channel":"VOICE",
                               "at":"2026-11-20T09:20:00Z"}]}]"""));
        assertThat(c.get("promotions")).isEqualTo(json("""
                [{"promotionId":"winter-10","code":"WIN-8K2P","sentVia":"SMS","status":"REDEEMED","redeemedVia":"STORE",
                  "expiresAt":"2099-12-31T23:59:59Z"},
                 {"promotionId":"autumn-10","code":"OLD-1","sentVia":"SMS","status":"EXPIRED",
                  "expiresAt":"2020-01-01T00:00:00Z"}]"""));
        assertThat(c.get("orders")).isEqualTo(json("""
                [{"orderId":"till-1","channel":"STORE","placedAt":"2026-11-21T15:00:00Z",
                  "items":[{"sku":"SCARF-RED","quantity":1,"unitPrice":"24.95"}],"total":"22.45","currency":"EUR",
                  "promoCode":"WIN-8K2P","fulfilment":"IN_STORE","storeId":"store-1","pickedUp":false,"returned":false},
                 {"orderId":"app-1","channel":"APP","placedAt":"2026-11-21T16:00:00Z",
                  "items":[{"sku":"BOOTS-42","quantity":2,"unitPrice":"89.90"},{"sku":"SOCKS-3P","quantity":1,"unitPrice":"12.50"}],
                  "total":"192.30","currency":"EUR","fulfilment":"STORE_PICKUP","storeId":"store-ams-1",
                  "pickedUp":true,"returned":false}]"""));
        // In order of first use by business time: the late web view at 08:00 comes first, the app view at 10:00
        // before the app login at 10:30.
        assertThat(texts(c.get("channels"))).containsExactly("WEB", "SMS", "WHATSAPP", "VOICE", "APP", "STORE");
        assertThat(c.get("preferredChannel").asText()).isEqualTo("SMS");
        assertThat(c.get("nextBestAction").get("action").asText()).isEqualTo("FOLLOW_UP_CONVERSATION");
        assertThat(c.get("nextBestAction").get("channel").asText()).isEqualTo("SMS");
        assertThat(c.get("nextBestAction").get("reason").asText()).contains("conv-1");
    }

    @Test
    void aReturnGivesTheCodeBackAndAWithdrawnConsentLeavesNoChannel() {
        Customer bea = new Customer(api, "cust-bea");
        bea.consent("EMAIL", "2026-11-20T09:00:00Z", "EMAIL", true);
        bea.codeSent("EMAIL", "2026-11-20T09:01:00Z", "winter-10", "BEA-1", "2099-12-31T23:59:59Z");
        bea.send("WEBCHAT", "2026-11-20T09:10:00Z", "CONVERSATION_STARTED",
                 Map.of("conversationId", "chat-9", "topic", "sizes"));
        bea.tillPurchase("2026-11-21T15:00:00Z", "till-7", "HAT", "30.00", "BEA-1");
        bea.tillPurchase("2026-11-21T15:30:00Z", "till-8", "GLOVES", "20.00", null);
        bea.send("WEBCHAT", "2026-11-22T11:00:00Z", "CONVERSATION_CLOSED",
                 Map.of("conversationId", "chat-9", "resolution", "answered"));
        bea.send("STORE", "2026-11-23T11:00:00Z", "ORDER_RETURNED", Map.of("orderId", "till-7", "reason", "too small"));

        // The return and the code it gives back are two events; a view may commit them in two batches.
        JsonNode c = await360("cust-bea", a -> a.get("orders").get(0).get("returned").asBoolean()
                && a.get("promotions").get(0).get("status").asText().equals("AVAILABLE"));
        assertThat(c.get("orders").get(0).get("orderId").asText()).isEqualTo("till-7");
        assertThat(c.get("promotions")).isEqualTo(json("""
                [{"promotionId":"winter-10","code":"BEA-1","sentVia":"EMAIL","status":"AVAILABLE",
                  "expiresAt":"2099-12-31T23:59:59Z"}]"""));
        assertThat(c.get("conversations").get(0).get("open").asBoolean()).isFalse();
        // Two purchases: RETENTION; no programme yet, so an invitation, by e-mail, the one consented channel.
        assertThat(c.get("stage").asText()).isEqualTo("RETENTION");
        assertThat(c.get("nextBestAction").get("action").asText()).isEqualTo("LOYALTY_INVITATION");
        assertThat(c.get("nextBestAction").get("channel").asText()).isEqualTo("EMAIL");

        bea.consent("EMAIL", "2026-11-23T12:00:00Z", "EMAIL", false);
        JsonNode withdrawn = await360("cust-bea", a -> !a.get("consents").get("EMAIL").asBoolean());
        assertThat(withdrawn.get("preferredChannel").isNull()).isTrue();
        assertThat(withdrawn.get("nextBestAction").get("action").asText()).isEqualTo("LOYALTY_INVITATION");
        assertThat(withdrawn.get("nextBestAction").get("channel").isNull()).isTrue();
        assertThat(withdrawn.get("nextBestAction").get("reason").asText()).contains("no marketing consent");
    }

    @Test
    void aCustomerSeenOnceIsReachedAndWelcomed() {
        Customer cas = new Customer(api, "cust-cas");
        cas.viewed("KIOSK", "2026-11-24T10:00:00Z", "LAMP-1");
        JsonNode c = await360("cust-cas", a -> a.get("stage").asText().equals("REACH"));
        assertThat(c.get("identities")).isEmpty();
        assertThat(c.get("consents")).isEmpty();
        assertThat(c.get("conversations")).isEmpty();
        assertThat(c.get("promotions")).isEmpty();
        assertThat(c.get("orders")).isEmpty();
        assertThat(texts(c.get("channels"))).containsExactly("KIOSK");
        assertThat(c.get("preferredChannel").isNull()).isTrue();
        assertThat(c.get("nextBestAction").get("action").asText()).isEqualTo("WELCOME_OFFER");
        assertThat(c.get("nextBestAction").get("channel").isNull()).isTrue();
    }

    /**
     * The 360 once every view has caught up with everything written so far (read-your-writes, {@code minPosition}):
     * it draws on several views, each catching up at its own pace, and waiting for a field of one of them let
     * another lag behind under load (a customer's only channel missing while its stage was there).
     */
    private static JsonNode await360(String customerId, java.util.function.Predicate<JsonNode> ready) {
        Long head = engine.database().queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry",
                                                     Long.class);
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> api.get("/api/customers/" + customerId + "?minPosition=" + head),
                a -> a.status() == 200 && a.json().get("stage") != null && !a.json().get("stage").isNull()
                        && ready.test(a.json())).json();
    }

    static JsonNode awaitTimeline(String customerId, int touchpoints) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> api.get("/api/customers/" + customerId + "/timeline"),
                a -> a.status() == 200 && a.json().get("touchpoints").size() == touchpoints).json();
    }

    static List<String> ids(JsonNode timeline) {
        List<String> ids = new ArrayList<>();
        timeline.get("touchpoints").forEach(t -> ids.add(t.get("touchpointId").asText()));
        return ids;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    static JsonNode json(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
