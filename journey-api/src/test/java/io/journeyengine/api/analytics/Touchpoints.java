package io.journeyengine.api.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.support.Api;
import io.journeyengine.api.support.Api.Answer;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.journeyengine.api.support.Api.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The touchpoints the analytics tests send, all on 2026-11-20 unless a full instant is given, and their checks. */
final class Touchpoints {

    private static final String DAY = "2026-11-20T";

    private final Api api;
    private final AtomicInteger ids = new AtomicInteger();

    Touchpoints(Api api) {
        this.api = api;
    }

    /** "09:30" → "2026-11-20T09:30:00Z", "09:00:01.500" → "2026-11-20T09:00:01.500Z"; a full instant as it is. */
    static String at(String time) {
        if (time.contains("T")) {
            return time;
        }
        return DAY + (time.length() == 5 ? time + ":00" : time) + "Z";
    }

    ObjectNode viewed(String customer, String channel, String time) {
        return tp(customer, channel, time, "PRODUCT_VIEWED", Map.of("sku", "SKU-1"));
    }

    ObjectNode cartAdd(String customer, String channel, String time) {
        return tp(customer, channel, time, "CART_ITEM_ADDED",
                  Map.of("sku", "SKU-1", "quantity", 1, "unitPrice", "10.00", "currency", "EUR"));
    }

    ObjectNode checkout(String customer, String channel, String time, String orderId, String promoCode) {
        Map<String, Object> data = new HashMap<>(Map.of("orderId", orderId, "fulfilment", "DELIVERY"));
        if (promoCode != null) {
            data.put("promoCode", promoCode);
        }
        return tp(customer, channel, time, "CHECKOUT_COMPLETED", data);
    }

    ObjectNode tillPurchase(String customer, String time, String orderId, String promoCode) {
        Map<String, Object> data = new HashMap<>(Map.of("orderId", orderId, "storeId", "store-1", "items",
                List.of(Map.of("sku", "SKU-2", "quantity", 1, "unitPrice", "20.00", "currency", "EUR"))));
        if (promoCode != null) {
            data.put("promoCode", promoCode);
        }
        return tp(customer, "STORE", time, "IN_STORE_PURCHASE", data);
    }

    ObjectNode conversation(String customer, String channel, String time) {
        return tp(customer, channel, time, "CONVERSATION_STARTED",
                  Map.of("conversationId", "conv-" + customer + "-" + time, "topic", "the offer"));
    }

    /** Marketing consent for {@code channel}, reported on that channel. */
    ObjectNode consent(String customer, String channel, String time) {
        return tp(customer, channel, time, "CONSENT_CHANGED", Map.of("channel", channel, "granted", true));
    }

    ObjectNode promoSent(String customer, String channel, String time, String promotionId, String code) {
        return tp(customer, channel, time, "PROMO_CODE_SENT",
                  Map.of("promotionId", promotionId, "code", code, "discountPercent", 10,
                         "validChannels", List.of("ALL"), "expiresAt", "2026-12-31T23:59:59Z"));
    }

    ObjectNode returned(String customer, String channel, String time, String orderId) {
        return tp(customer, channel, time, "ORDER_RETURNED", Map.of("orderId", orderId, "reason", "too small"));
    }

    private ObjectNode tp(String customer, String channel, String time, String type, Map<String, ?> data) {
        return touchpoint("an-" + customer + "-" + ids.incrementAndGet(), customer, channel, at(time), type, data);
    }

    /** Sends touchpoints one by one, in order, and expects each to be applied. */
    Touchpoints send(ObjectNode... touchpoints) {
        for (ObjectNode touchpoint : touchpoints) {
            Answer answer = api.post("/api/touchpoints", touchpoint);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("status").asText()).as(answer.body()).isEqualTo("APPLIED");
        }
        return this;
    }

    /** Waits until {@code path} answers exactly {@code expectedJson} (numbers compared by value). */
    void awaitAnswer(String path, String expectedJson) {
        JsonNode expected = json(expectedJson);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Answer answer = api.get(path);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json()).isEqualTo(expected);
        });
    }

    static JsonNode json(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A refused query: 400 VALIDATION_FAILED naming exactly these fields. */
    static void assertRangeRefused(Api api, String path, String... fields) {
        Answer answer = api.get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        List<String> named = answer.json().get("errors").findValuesAsText("field");
        assertThat(named).containsExactly(fields);
    }
}
