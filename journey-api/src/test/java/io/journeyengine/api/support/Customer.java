package io.journeyengine.api.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.support.Api.Answer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One customer's touchpoints as the channels would send them, each asserted APPLIED. Touchpoint ids are the customer
 * id with a running number, so a test can name them ({@code id(3)} is the third touchpoint sent).
 */
public final class Customer {

    private final Api api;
    private final String customerId;
    private int sent;

    public Customer(Api api, String customerId) {
        this.api = api;
        this.customerId = customerId;
    }

    /** The same customer, its touchpoints numbered on, sent through another client (after a restart). */
    public Customer via(Api other) {
        Customer same = new Customer(other, customerId);
        same.sent = sent;
        return same;
    }

    public String customerId() {
        return customerId;
    }

    /** The id of the {@code n}-th touchpoint sent (1-based). */
    public String id(int n) {
        return customerId + "-tp" + n;
    }

    /** Sends a touchpoint and asserts it was applied; answers its touchpointId. */
    public String send(String channel, String at, String type, Map<String, ?> data) {
        return send(Api.touchpoint(id(sent + 1), customerId, channel, at, type, data));
    }

    public String send(ObjectNode touchpoint) {
        sent++;
        Answer answer = api.post("/api/touchpoints", touchpoint);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).as(answer.body()).isEqualTo("APPLIED");
        return touchpoint.get("touchpointId").asText();
    }

    /** The same touchpoint addressed by customerId and an envelope identity as well. */
    public String sendAs(String identityType, String identityValue, String channel, String at, String type,
                         Map<String, ?> data) {
        ObjectNode touchpoint = Api.touchpoint(id(sent + 1), customerId, channel, at, type, data);
        touchpoint.set("identity", Api.JSON.valueToTree(Map.of("type", identityType, "value", identityValue)));
        return send(touchpoint);
    }

    public String viewed(String channel, String at, String sku) {
        return send(channel, at, "PRODUCT_VIEWED", Map.of("sku", sku));
    }

    public String consent(String channel, String at, String forChannel, boolean granted) {
        return send(channel, at, "CONSENT_CHANGED", Map.of("channel", forChannel, "granted", granted));
    }

    public String codeSent(String channel, String at, String promotionId, String code, String expiresAt) {
        return send(channel, at, "PROMO_CODE_SENT", Map.of("promotionId", promotionId, "code", code,
                                                           "discountPercent", 10, "expiresAt", expiresAt));
    }

    public String cartAdd(String channel, String at, String sku, int quantity, String unitPrice) {
        return send(channel, at, "CART_ITEM_ADDED", Map.of("sku", sku, "quantity", quantity, "unitPrice", unitPrice,
                                                           "currency", "EUR"));
    }

    /** A checkout for delivery, or for pickup in {@code storeId}; {@code promoCode} may be null. */
    public String checkout(String channel, String at, String orderId, String storeId, String promoCode) {
        Map<String, Object> data = new HashMap<>();
        data.put("orderId", orderId);
        data.put("fulfilment", storeId == null ? "DELIVERY" : "STORE_PICKUP");
        if (storeId != null) {
            data.put("storeId", storeId);
        }
        if (promoCode != null) {
            data.put("promoCode", promoCode);
        }
        return send(channel, at, "CHECKOUT_COMPLETED", data);
    }

    /** A till purchase of one item in EUR; {@code promoCode} may be null. */
    public String tillPurchase(String at, String orderId, String sku, String unitPrice, String promoCode) {
        Map<String, Object> data = new HashMap<>();
        data.put("orderId", orderId);
        data.put("storeId", "store-1");
        data.put("items", List.of(Map.of("sku", sku, "quantity", 1, "unitPrice", unitPrice, "currency", "EUR")));
        if (promoCode != null) {
            data.put("promoCode", promoCode);
        }
        return send("STORE", at, "IN_STORE_PURCHASE", data);
    }
}
