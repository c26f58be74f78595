package io.journeyengine.api.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One example of every touchpoint type, in an order that forms a valid journey of one customer (consent before the
 * code, the cart before the checkout, the order before its pickup). The OpenAPI document shows them, and a test
 * sends them all and expects every one to be applied, so the documentation cannot drift from the engine.
 */
public final class TouchpointExamples {

    public static final String CUSTOMER = "cust-42";

    private TouchpointExamples() {
    }

    public static Map<TouchpointType, Map<String, Object>> journey() {
        Map<TouchpointType, Map<String, Object>> examples = new LinkedHashMap<>();
        examples.put(TouchpointType.PRODUCT_VIEWED, tp("tp-1001", "WEB", "2026-11-20T08:30:00Z",
                "PRODUCT_VIEWED", Map.of("sku", "BOOTS-42")));
        examples.put(TouchpointType.CONSENT_CHANGED, tp("tp-1002", "SMS", "2026-11-20T08:59:00Z",
                "CONSENT_CHANGED", Map.of("channel", "SMS", "granted", true)));
        examples.put(TouchpointType.IDENTITY_LINKED, tp("tp-1003", "APP", "2026-11-20T09:01:00Z",
                "IDENTITY_LINKED", Map.of("type", "EMAIL", "value", "ann@example.com")));
        examples.put(TouchpointType.PROMO_CODE_SENT, tp("tp-1004", "SMS", "2026-11-20T09:15:00Z",
                "PROMO_CODE_SENT", Map.of("promotionId", "winter-10", "code", "WIN-8K2P", "discountPercent", 10,
                                          "validChannels", List.of("ALL"), "expiresAt", "2026-12-31T23:59:59Z")));
        examples.put(TouchpointType.CONVERSATION_STARTED, tp("tp-1005", "WHATSAPP", "2026-11-20T09:20:00Z",
                "CONVERSATION_STARTED", Map.of("conversationId", "conv-77", "topic", "winter offer")));
        examples.put(TouchpointType.CONVERSATION_MESSAGE, tp("tp-1006", "WHATSAPP", "2026-11-20T09:21:00Z",
                "CONVERSATION_MESSAGE", Map.of("conversationId", "conv-77", "direction", "INBOUND",
                                               "text", "Does the code work in the store?")));
        examples.put(TouchpointType.CONVERSATION_HANDED_OVER, tp("tp-1007", "WHATSAPP", "2026-11-20T09:25:00Z",
                "CONVERSATION_HANDED_OVER", Map.of("conversationId", "conv-77", "toChannel", "STORE")));
        examples.put(TouchpointType.CONVERSATION_CLOSED, tp("tp-1008", "STORE", "2026-11-21T14:00:00Z",
                "CONVERSATION_CLOSED", Map.of("conversationId", "conv-77", "resolution", "answered in store")));
        examples.put(TouchpointType.CART_ITEM_ADDED, tp("tp-1009", "WEB", "2026-11-20T10:00:00Z",
                "CART_ITEM_ADDED", Map.of("sku", "BOOTS-42", "quantity", 2, "unitPrice", "89.90",
                                          "currency", "EUR")));
        examples.put(TouchpointType.CART_ITEM_REMOVED, tp("tp-1010", "APP", "2026-11-20T20:00:00Z",
                "CART_ITEM_REMOVED", Map.of("sku", "BOOTS-42", "quantity", 1)));
        examples.put(TouchpointType.CHECKOUT_COMPLETED, tp("tp-1011", "APP", "2026-11-20T20:05:00Z",
                "CHECKOUT_COMPLETED", Map.of("orderId", "order-5001", "fulfilment", "STORE_PICKUP",
                                             "storeId", "store-amsterdam-1")));
        examples.put(TouchpointType.ORDER_PICKED_UP, tp("tp-1012", "STORE", "2026-11-21T14:05:00Z",
                "ORDER_PICKED_UP", Map.of("orderId", "order-5001", "storeId", "store-amsterdam-1")));
        examples.put(TouchpointType.IN_STORE_PURCHASE, tp("tp-1013", "STORE", "2026-11-21T15:00:00Z",
                "IN_STORE_PURCHASE", Map.of("orderId", "till-9001", "storeId", "store-amsterdam-1",
                                            "promoCode", "WIN-8K2P",
                                            "items", List.of(Map.of("sku", "SCARF-RED", "quantity", 1,
                                                                    "unitPrice", "24.95", "currency", "EUR")))));
        examples.put(TouchpointType.ORDER_RETURNED, tp("tp-1014", "STORE", "2026-11-23T11:00:00Z",
                "ORDER_RETURNED", Map.of("orderId", "till-9001", "storeId", "store-amsterdam-1",
                                         "reason", "wrong colour")));
        examples.put(TouchpointType.LOYALTY_ENROLLED, tp("tp-1015", "STORE", "2026-11-23T11:05:00Z",
                "LOYALTY_ENROLLED", Map.of("programId", "club-plus")));
        return examples;
    }

    private static Map<String, Object> tp(String id, String channel, String at, String type, Map<String, ?> data) {
        Map<String, Object> touchpoint = new LinkedHashMap<>();
        touchpoint.put("touchpointId", id);
        touchpoint.put("customerId", CUSTOMER);
        touchpoint.put("channel", channel);
        touchpoint.put("occurredAt", at);
        touchpoint.put("type", type);
        touchpoint.put("data", data);
        return touchpoint;
    }
}
