package io.journeyengine.api.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;
import io.journeyengine.api.support.RunningEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.journeyengine.api.identity.Touch.cartAdd;
import static io.journeyengine.api.identity.Touch.identity;
import static io.journeyengine.api.identity.Touch.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channels that never know the engine's customer id, only their own identity of the customer, still end up with one
 * customer: the cookie cart of the web and the device cart of the app become one cart at login, and the canonical
 * journey of DESIGN.md runs on phone numbers, a cookie, a device id and a loyalty card alone. Each test has an engine
 * of its own, so its figures count only its customer.
 */
class OneCustomerAcrossChannelsTest {

    private RunningEngine engine;
    private Api api;

    @BeforeEach
    void start() {
        engine = RunningEngine.start();
        api = engine.api();
    }

    @AfterEach
    void stop() {
        engine.stop();
    }

    @Test
    void aWebCookieCartAndAnAppDeviceCartBecomeOneCartAfterLogin() {
        Touch touch = new Touch(api, "carts");
        Map<String, String> cookie = identity("COOKIE_ID", "ck-5d1e");
        Map<String, String> device = identity("DEVICE_ID", "app-9f2c");
        String web = touch.send(null, cookie, "WEB", "2026-11-20T09:00:00Z", "CART_ITEM_ADDED",
                                cartAdd("BOOTS-42", 1, "89.90")).get("customerId").asText();
        touch.send(null, cookie, "WEB", "2026-11-20T09:01:00Z", "CART_ITEM_ADDED", cartAdd("SOCKS-3P", 2, "12.50"));
        String app = touch.send(null, device, "APP", "2026-11-20T12:00:00Z", "CART_ITEM_ADDED",
                                cartAdd("SOCKS-3P", 1, "12.50")).get("customerId").asText();
        touch.send(null, device, "APP", "2026-11-20T12:01:00Z", "CART_ITEM_ADDED", cartAdd("SCARF-RED", 1, "24.95"));
        assertThat(app).isNotEqualTo(web);

        // The customer logs in in the app, then on the web, with the same e-mail address.
        JsonNode appLogin = touch.send(null, device, "APP", "2026-11-20T12:05:00Z", "IDENTITY_LINKED",
                                       Map.of("type", "EMAIL", "value", "Ann@Example.com"));
        assertThat(texts(appLogin.get("events"), null)).containsExactly("IdentityLinked");
        JsonNode webLogin = touch.send(null, cookie, "WEB", "2026-11-20T18:00:00Z", "IDENTITY_LINKED",
                                       Map.of("type", "EMAIL", "value", "ann@example.com"));
        assertThat(webLogin.get("customerId").asText()).isEqualTo(web);
        assertThat(texts(webLogin.get("events"), null)).startsWith("ProfileMerged");

        // One cart, whichever id or channel asks: the larger quantity of socks, everything else from both.
        for (String id : List.of(web, app)) {
            JsonNode cart = touch.read("/api/customers/" + id + "/cart").json();
            assertThat(cart.get("customerId").asText()).isEqualTo(web);
            assertThat(texts(cart.get("items"), "sku")).containsExactly("BOOTS-42", "SOCKS-3P", "SCARF-RED");
            assertThat(texts(cart.get("items"), "quantity")).containsExactly("1", "2", "1");
            assertThat(texts(cart.get("items"), "addedVia")).containsExactly("WEB", "WEB", "APP");
            assertThat(cart.get("total").asText()).isEqualTo("139.85");
        }
        // The app goes on by its device id and buys the one cart.
        JsonNode checkout = touch.send(null, device, "APP", "2026-11-20T18:10:00Z", "CHECKOUT_COMPLETED",
                                       Map.of("orderId", "app-1", "fulfilment", "DELIVERY"));
        assertThat(checkout.get("customerId").asText()).isEqualTo(web);
        JsonNode customer = touch.read("/api/customers/" + web).json();
        assertThat(customer.get("orders").get(0).get("total").asText()).isEqualTo("139.85");
        assertThat(customer.get("cart").get("items")).isEmpty();
        assertThat(texts(customer.get("identities"), "value"))
                .containsExactlyInAnyOrder("ck-5d1e", "ann@example.com", "app-9f2c");
        assertThat(touch.read("/api/analytics/journeys").json().get("customers").asLong()).isEqualTo(1);
    }

    @Test
    void theCanonicalJourneyDrivenOnlyByIdentitiesEndsInOneCustomerWithOneCartAndOneRedemption() {
        Touch touch = new Touch(api, "canon");
        // 1. The SMS gateway knows a phone number: consent, then an exclusive code.
        Map<String, String> sms = identity("PHONE", "+31 6 1234 5678");
        String phoneCustomer = touch.send(null, sms, "SMS", "2026-11-20T08:59:00Z", "CONSENT_CHANGED",
                                          Map.of("channel", "SMS", "granted", true)).get("customerId").asText();
        touch.send(null, sms, "SMS", "2026-11-20T09:00:00Z", "PROMO_CODE_SENT",
                   Map.of("promotionId", "winter-10", "code", "WIN-8K2P", "discountPercent", 10,
                          "validChannels", List.of("ALL"), "expiresAt", "2026-12-31T23:59:59Z"));
        // 2. The WhatsApp desk knows the same number, written its own way; the agent points to the web checkout.
        Map<String, String> whatsapp = identity("PHONE", "0031612345678");
        touch.send(null, whatsapp, "WHATSAPP", "2026-11-20T09:10:00Z", "CONVERSATION_STARTED",
                   Map.of("conversationId", "conv-1", "topic", "winter offer"));
        JsonNode pointed = touch.send(null, whatsapp, "WHATSAPP", "2026-11-20T09:12:00Z", "CONVERSATION_MESSAGE",
                                      Map.of("conversationId", "conv-1", "direction", "OUTBOUND",
                                             "text", "Use your code at the web checkout"));
        assertThat(pointed.get("customerId").asText()).isEqualTo(phoneCustomer);
        // 3. The web shop knows a cookie: items in the cart, then the phone number given at the checkout page.
        Map<String, String> cookie = identity("COOKIE_ID", "ck-canon");
        String webCustomer = touch.send(null, cookie, "WEB", "2026-11-20T10:00:00Z", "CART_ITEM_ADDED",
                                        cartAdd("BOOTS-42", 2, "89.90")).get("customerId").asText();
        touch.send(null, cookie, "WEB", "2026-11-20T10:01:00Z", "CART_ITEM_ADDED", cartAdd("SOCKS-3P", 1, "12.50"));
        assertThat(webCustomer).isNotEqualTo(phoneCustomer);
        touch.send(null, cookie, "WEB", "2026-11-20T10:02:00Z", "IDENTITY_LINKED",
                   Map.of("type", "PHONE", "value", "+31612345678"));
        // 4. The app knows a device: it opens, the customer logs in with the phone number, and the web cart is there.
        Map<String, String> device = identity("DEVICE_ID", "app-canon");
        String appCustomer = touch.send(null, device, "APP", "2026-11-20T14:00:00Z", "PRODUCT_VIEWED",
                                        Map.of("sku", "BOOTS-42")).get("customerId").asText();
        touch.send(null, device, "APP", "2026-11-20T14:01:00Z", "IDENTITY_LINKED",
                   Map.of("type", "PHONE", "value", "+31 6 1234 5678"));
        JsonNode cart = touch.read("/api/customers/" + appCustomer + "/cart").json();
        assertThat(texts(cart.get("items"), "sku")).containsExactly("BOOTS-42", "SOCKS-3P");
        assertThat(cart.get("total").asText()).isEqualTo("192.30");
        //    ... and adds the store's loyalty card to the app.
        touch.send(null, device, "APP", "2026-11-20T14:02:00Z", "IDENTITY_LINKED",
                   Map.of("type", "LOYALTY_CARD", "value", "LC-000123"));
        // 5. The till knows the loyalty card: the SMS code is accepted there, once.
        Map<String, String> card = identity("LOYALTY_CARD", "LC-000123");
        JsonNode till = touch.send(null, card, "STORE", "2026-11-21T15:00:00Z", "IN_STORE_PURCHASE",
                                   Map.of("orderId", "till-1", "storeId", "store-amsterdam-1", "promoCode", "WIN-8K2P",
                                          "items", List.of(Map.of("sku", "SCARF-RED", "quantity", 1,
                                                                  "unitPrice", "24.95", "currency", "EUR"))));
        assertThat(till.get("customerId").asText()).isEqualTo(appCustomer);
        assertThat(texts(till.get("events"), null)).contains("PromoCodeRedeemed");
        Answer again = touch.post(null, cookie, "WEB", "2026-11-21T16:00:00Z", "CHECKOUT_COMPLETED",
                                  Map.of("orderId", "web-1", "promoCode", "WIN-8K2P", "fulfilment", "DELIVERY"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PROMO_ALREADY_REDEEMED");
        assertThat(again.json().get("redeemedVia").asText()).isEqualTo("STORE");

        // One customer: every identity leads to it, every id answers with it.
        for (Map<String, String> known : List.of(sms, whatsapp, cookie, device, card)) {
            assertThat(engine.database().queryForObject(
                    "SELECT customer_id FROM identity_index WHERE identity_type = ? AND identity_value = ?",
                    String.class, known.get("type"), normalised(known))).isEqualTo(appCustomer);
        }
        for (String id : List.of(phoneCustomer, webCustomer, appCustomer)) {
            assertThat(touch.read("/api/customers/" + id).json().get("customerId").asText()).isEqualTo(appCustomer);
        }
        JsonNode customer = touch.read("/api/customers/" + appCustomer).json();
        assertThat(texts(customer.get("identities"), "type"))
                .containsExactlyInAnyOrder("PHONE", "COOKIE_ID", "DEVICE_ID", "LOYALTY_CARD");
        assertThat(texts(customer.get("channels"), null)).containsExactly("SMS", "WHATSAPP", "WEB", "APP", "STORE");
        assertThat(customer.get("stage").asText()).isEqualTo("CONVERSION");
        assertThat(customer.get("conversations").get(0).get("messages")).hasSize(1);
        // One cart (the till basket does not touch it) and one redemption.
        assertThat(texts(customer.get("cart").get("items"), "sku")).containsExactly("BOOTS-42", "SOCKS-3P");
        assertThat(customer.get("promotions")).hasSize(1);
        assertThat(customer.get("promotions").get(0).get("status").asText()).isEqualTo("REDEEMED");
        assertThat(customer.get("promotions").get(0).get("redeemedVia").asText()).isEqualTo("STORE");
        JsonNode promotion = touch.read("/api/analytics/promotions/winter-10").json();
        assertThat(promotion.get("issued").asLong()).isEqualTo(1);
        assertThat(promotion.get("redeemed").asLong()).isEqualTo(1);
        assertThat(promotion.get("crossChannelRedemptions").asLong()).isEqualTo(1);
        assertThat(touch.read("/api/analytics/journeys").json().get("customers").asLong()).isEqualTo(1);
        assertThat(touch.read("/api/analytics/funnel").json().get("customers").asLong()).isEqualTo(1);
        assertThat(touch.read("/api/customers").json().get("total").asLong()).isEqualTo(1);
        assertThat(texts(touch.read("/api/customers/" + appCustomer + "/timeline").json().get("touchpoints"), "channel"))
                .containsExactly("SMS", "SMS", "WHATSAPP", "WHATSAPP", "WEB", "WEB", "WEB", "APP", "APP", "APP",
                                 "STORE");
    }

    private static String normalised(Map<String, String> identity) {
        return identity.get("type").equals("PHONE") ? "+31612345678" : identity.get("value");
    }
}
