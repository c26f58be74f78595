package io.journeyengine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The canonical journey of DESIGN.md over real HTTP against the running application on an H2 file database:
 * an SMS code, a WhatsApp conversation, a web cart the app sees, a reminder on Messenger that the engine sends by
 * itself hours after the cart was left (the engine's clock is moved on, nothing is sent to make it happen), the code
 * redeemed once in a store — then the application is restarted on the same data, everything is still there, and
 * the checkout that finally buys the cart counts as the reminder's recovery.
 */
class CanonicalJourneyTest {

    private static final String CUSTOMER = "cust-canonical";
    private static final String CODE = "WIN-8K2P";
    private static RunningEngine engine;

    @BeforeAll
    static void start() {
        engine = RunningEngine.start("journey.clock.start=2026-11-20T08:55:00Z", "journey.clock.adjustable=true",
                                     "journey.cart.abandon-after=PT3H", "journey.conversation.idle-close-after=P7D");
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    @Test
    void theJourneyContinuesAcrossChannelsAndSurvivesARestart() throws Exception {
        Api api = engine.api();

        // 1. An exclusive code by SMS (the customer consented to SMS marketing on the website, and to Messenger
        //    marketing in Messenger, first).
        applied(api.post("/api/touchpoints", touchpoint("c-consent", CUSTOMER, "WEB", "2026-11-20T08:59:00Z",
                "CONSENT_CHANGED", Map.of("channel", "SMS", "granted", true))));
        applied(api.post("/api/touchpoints", touchpoint("c-consent-messenger", CUSTOMER, "MESSENGER",
                "2026-11-20T08:59:30Z", "CONSENT_CHANGED", Map.of("channel", "MESSENGER", "granted", true))));
        Answer sms = api.post("/api/touchpoints", touchpoint("c-sms", CUSTOMER, "SMS", "2026-11-20T09:00:00Z",
                "PROMO_CODE_SENT", Map.of("promotionId", "winter-10", "code", CODE, "discountPercent", 10,
                                          "validChannels", List.of("ALL"), "expiresAt", "2026-12-31T23:59:59Z")));
        applied(sms);
        assertThat(events(sms)).contains("PromoCodeSent");

        // 2. A question on WhatsApp; the agent points to the web checkout.
        applied(api.post("/api/touchpoints", touchpoint("c-wa1", CUSTOMER, "WHATSAPP", "2026-11-20T09:10:00Z",
                "CONVERSATION_STARTED", Map.of("conversationId", "conv-1", "topic", "winter offer"))));
        applied(api.post("/api/touchpoints", touchpoint("c-wa2", CUSTOMER, "WHATSAPP", "2026-11-20T09:12:00Z",
                "CONVERSATION_MESSAGE", Map.of("conversationId", "conv-1", "direction", "OUTBOUND",
                                               "text", "Use your code at the web checkout"))));

        // 3. Items added on the website; the customer leaves, and hours later the engine reminds them on Messenger
        //    (the channel they use as much as any other with consent; a chat app wins a tie).
        engine.clock().setTo(Instant.parse("2026-11-20T10:00:30Z"));
        applied(api.post("/api/touchpoints", cartAdd("c-web1", "WEB", "BOOTS-42", 2, "89.90", "2026-11-20T10:00:00Z")));
        applied(api.post("/api/touchpoints", cartAdd("c-web2", "WEB", "SOCKS-3P", 1, "12.50", "2026-11-20T10:01:00Z")));
        engine.clock().setTo(Instant.parse("2026-11-20T13:05:00Z"));
        JsonNode reminder = await().atMost(Duration.ofSeconds(20)).until(
                () -> lastTouchpoint(api), t -> t != null && t.get("type").asText().equals("CART_REMINDER_SENT"));
        assertThat(reminder.get("channel").asText()).isEqualTo("MESSENGER");
        assertThat(reminder.get("occurredAt").asText()).isEqualTo("2026-11-20T13:01:00Z");
        assertThat(reminder.get("summary").asText()).contains("3 items, 192.30 EUR");

        // 4. The app shows the same cart.
        JsonNode cart = awaitCart(api, 2);
        assertThat(cart.get("currency").asText()).isEqualTo("EUR");
        assertThat(lines(cart)).containsExactly(Map.entry("BOOTS-42", 2), Map.entry("SOCKS-3P", 1));
        assertThat(cart.get("items").get(0).get("addedVia").asText()).isEqualTo("WEB");
        assertThat(cart.get("total").asText()).isEqualTo("192.30");

        // 5. The SMS code is redeemed in a store the next day — accepted once.
        engine.clock().setTo(Instant.parse("2026-11-21T15:05:00Z"));
        Map<String, Object> till = Map.of("orderId", "order-till-1", "storeId", "store-amsterdam-1", "promoCode", CODE,
                "items", List.of(Map.of("sku", "SCARF-RED", "quantity", 1, "unitPrice", "24.95", "currency", "EUR")));
        Answer redeemed = api.post("/api/touchpoints", touchpoint("c-till", CUSTOMER, "STORE", "2026-11-21T15:00:00Z",
                                                                  "IN_STORE_PURCHASE", till));
        applied(redeemed);
        assertThat(events(redeemed)).contains("InStorePurchaseMade", "PromoCodeRedeemed");

        // A second redemption from any channel is refused, saying when and where the code was used.
        Answer again = api.post("/api/touchpoints", touchpoint("c-app-checkout", CUSTOMER, "APP",
                "2026-11-21T16:00:00Z", "CHECKOUT_COMPLETED",
                Map.of("orderId", "order-app-1", "promoCode", CODE, "fulfilment", "DELIVERY")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.code()).isEqualTo("PROMO_ALREADY_REDEEMED");
        assertThat(again.json().get("redeemedVia").asText()).isEqualTo("STORE");
        assertThat(again.json().get("redeemedAt").asText()).isEqualTo("2026-11-21T15:00:00Z");

        // A resent touchpoint is a DUPLICATE with the original outcome and appends nothing.
        long before = engine.eventCount(CUSTOMER);
        Answer resent = api.post("/api/touchpoints", touchpoint("c-till", CUSTOMER, "STORE", "2026-11-21T15:00:00Z",
                                                                "IN_STORE_PURCHASE", till));
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.json().get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(events(resent)).isEqualTo(events(redeemed));
        assertThat(engine.eventCount(CUSTOMER)).isEqualTo(before);

        // Restart on the same data directory (the clock has moved on meanwhile): cart, redemption and idempotency are
        // intact, and the reminder is not sent again.
        engine.restartWith("journey.clock.start=2026-11-22T09:00:00Z");
        Api after = engine.api();
        assertThat(lines(awaitCart(after, 2))).containsExactly(Map.entry("BOOTS-42", 2), Map.entry("SOCKS-3P", 1));
        Answer resentAfterRestart = after.post("/api/touchpoints", touchpoint("c-till", CUSTOMER, "STORE",
                "2026-11-21T15:00:00Z", "IN_STORE_PURCHASE", till));
        assertThat(resentAfterRestart.json().get("status").asText()).isEqualTo("DUPLICATE");
        Answer redeemAfterRestart = after.post("/api/touchpoints", touchpoint("c-web-checkout", CUSTOMER, "WEB",
                "2026-11-22T09:00:00Z", "CHECKOUT_COMPLETED",
                Map.of("orderId", "order-web-1", "promoCode", CODE, "fulfilment", "DELIVERY")));
        assertThat(redeemAfterRestart.status()).isEqualTo(409);
        assertThat(redeemAfterRestart.code()).isEqualTo("PROMO_ALREADY_REDEEMED");
        assertThat(engine.eventCount(CUSTOMER)).isEqualTo(before);

        // And the journey goes on where it was: the checkout (without the spent code) buys the web cart.
        Answer checkout = after.post("/api/touchpoints", touchpoint("c-web-checkout-2", CUSTOMER, "APP",
                "2026-11-22T09:05:00Z", "CHECKOUT_COMPLETED", Map.of("orderId", "order-app-2", "fulfilment", "DELIVERY")));
        applied(checkout);
        // Within 7 days of the reminder: the abandoned cart is recovered, in the app.
        assertThat(events(checkout)).contains("CheckoutCompleted", "AbandonedCartRecovered");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(after.get("/api/customers/" + CUSTOMER + "/cart").json().get("items")).isEmpty());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                after.get("/api/analytics/carts").json()).isEqualTo(Api.JSON.readTree("""
                        {"abandoned":1,"reminded":1,"recovered":1,"recoveryRate":1.0,"recoveredByChannel":{"APP":1}}""")));
        assertThat(after.get("/api/customers/" + CUSTOMER + "/timeline").json().get("touchpoints")
                        .findValuesAsText("type")).containsOnlyOnce("CART_REMINDER_SENT");
    }

    private static JsonNode lastTouchpoint(Api api) {
        JsonNode touchpoints = api.get("/api/customers/" + CUSTOMER + "/timeline").json().path("touchpoints");
        return touchpoints.isEmpty() ? null : touchpoints.get(touchpoints.size() - 1);
    }

    private static Map<String, Object> cartAddData(String sku, int quantity, String price) {
        Map<String, Object> data = new HashMap<>();
        data.put("sku", sku);
        data.put("quantity", quantity);
        data.put("unitPrice", price);
        data.put("currency", "EUR");
        return data;
    }

    private static JsonNode cartAdd(String id, String channel, String sku, int quantity, String price, String at) {
        return touchpoint(id, CUSTOMER, channel, at, "CART_ITEM_ADDED", cartAddData(sku, quantity, price));
    }

    private static void applied(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("APPLIED");
        assertThat(answer.json().get("customerId").asText()).isEqualTo(CUSTOMER);
    }

    private static List<String> events(Answer answer) {
        return Api.JSON.convertValue(answer.json().get("events"),
                                     Api.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private static JsonNode awaitCart(Api api, int lines) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/customers/" + CUSTOMER + "/cart"),
                answer -> answer.status() == 200 && answer.json().get("items").size() == lines).json();
    }

    private static Map<String, Integer> lines(JsonNode cart) {
        Map<String, Integer> lines = new java.util.LinkedHashMap<>();
        cart.get("items").forEach(line -> lines.put(line.get("sku").asText(), line.get("quantity").asInt()));
        return lines;
    }
}
