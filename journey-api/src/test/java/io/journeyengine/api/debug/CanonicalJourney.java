package io.journeyengine.api.debug;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;

import java.util.List;
import java.util.Map;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;

/** The README's canonical journey for one customer: seven applied touchpoints, then the refused second redemption. */
public final class CanonicalJourney {

    public static final String CODE = "WIN-8K2P";

    private CanonicalJourney() {
    }

    /** The seven touchpoints that are applied, in order; touchpoint ids are {@code prefix-1} .. {@code prefix-7}. */
    public static List<ObjectNode> applied(String customerId, String prefix) {
        return List.of(
                touchpoint(prefix + "-1", customerId, "SMS", "2026-11-20T08:59:00Z", "CONSENT_CHANGED",
                           Map.of("channel", "SMS", "granted", true)),
                touchpoint(prefix + "-2", customerId, "SMS", "2026-11-20T09:15:00Z", "PROMO_CODE_SENT",
                           Map.of("promotionId", "winter-10", "code", CODE, "discountPercent", 10,
                                  "validChannels", List.of("ALL"), "expiresAt", "2026-12-31T23:59:59Z")),
                touchpoint(prefix + "-3", customerId, "WHATSAPP", "2026-11-20T09:20:00Z", "CONVERSATION_STARTED",
                           Map.of("conversationId", "conv-77", "topic", "winter offer")),
                touchpoint(prefix + "-4", customerId, "WHATSAPP", "2026-11-20T09:21:00Z", "CONVERSATION_MESSAGE",
                           Map.of("conversationId", "conv-77", "direction", "OUTBOUND",
                                  "text", "You can use it at the web checkout")),
                touchpoint(prefix + "-5", customerId, "WEB", "2026-11-20T10:00:00Z", "CART_ITEM_ADDED",
                           Map.of("sku", "BOOTS-42", "quantity", 2, "unitPrice", "89.90", "currency", "EUR")),
                touchpoint(prefix + "-6", customerId, "WEB", "2026-11-20T10:01:00Z", "CART_ITEM_ADDED",
                           Map.of("sku", "SOCKS-3P", "quantity", 1, "unitPrice", "12.50", "currency", "EUR")),
                touchpoint(prefix + "-7", customerId, "STORE", "2026-11-21T15:00:00Z", "IN_STORE_PURCHASE",
                           Map.of("orderId", "till-9001", "storeId", "store-amsterdam-1", "promoCode", CODE,
                                  "items", List.of(Map.of("sku", "SCARF-RED", "quantity", 1, "unitPrice", "24.95",
                                                          "currency", "EUR")))));
    }

    /** The second redemption of the code, in the app: refused with 409 PROMO_ALREADY_REDEEMED. */
    public static ObjectNode secondRedemption(String customerId, String prefix) {
        return touchpoint(prefix + "-8", customerId, "APP", "2026-11-21T16:00:00Z", "CHECKOUT_COMPLETED",
                          Map.of("orderId", "app-1", "promoCode", CODE, "fulfilment", "DELIVERY"));
    }

    /** Sends the whole journey one touchpoint at a time, asserting each answer; answers the last applied position. */
    public static long send(Api api, String customerId, String prefix) {
        long position = 0;
        for (ObjectNode touchpoint : applied(customerId, prefix)) {
            Answer answer = api.post("/api/touchpoints", touchpoint);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("status").asText()).isEqualTo("APPLIED");
            position = answer.json().get("position").asLong();
        }
        Answer refused = api.post("/api/touchpoints", secondRedemption(customerId, prefix));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("PROMO_ALREADY_REDEEMED");
        return position;
    }
}
