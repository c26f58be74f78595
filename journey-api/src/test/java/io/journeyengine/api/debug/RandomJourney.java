package io.journeyengine.api.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.journeyengine.api.support.Api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A long random journey of one customer with every touchpoint type, late and out-of-order touchpoints, envelope
 * identities and a share of refusals, from a fixed seed. It keeps a rough picture of the customer (updated only by
 * applied answers) so that most touchpoints are accepted; it predicts nothing: tests take the truth from the stream.
 */
final class RandomJourney {

    private static final String[] CHANNELS = {"SMS", "WHATSAPP", "EMAIL", "WEB", "APP", "STORE", "MESSENGER",
                                              "WEBCHAT", "VOICE"};
    private static final String[] SKUS = {"BOOTS-42", "SOCKS-3P", "SCARF-RED", "HAT-1", "GLOVES-M", "COAT-L"};
    private static final String[] PRICES = {"89.90", "12.50", "24.95", "9.99", "19.00", "149.00"};
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    private final Random random;
    private final String customerId;
    private int sent;

    private final Map<String, Integer> cart = new LinkedHashMap<>();
    private final List<String> codes = new ArrayList<>();
    private final Map<String, String> openConversations = new HashMap<>();
    private final List<String> conversationsEver = new ArrayList<>();
    private final List<String> pickupOrders = new ArrayList<>();
    private final List<String> orders = new ArrayList<>();
    private final Map<String, Boolean> consent = new HashMap<>();

    RandomJourney(long seed, String customerId) {
        this.random = new Random(seed);
        this.customerId = customerId;
    }

    /** The next touchpoint to send. */
    ObjectNode next() {
        sent++;
        String id = customerId + "-r" + sent;
        // Every touchpoint ten minutes after the previous one, reported up to two hours late.
        Instant at = START.plusSeconds(600L * sent - random.nextInt(7200));
        String channel = pick(CHANNELS);
        int kind = random.nextInt(100);
        ObjectNode touchpoint;
        if (kind < 8) {
            touchpoint = tp(id, channel, at, "PRODUCT_VIEWED", Map.of("sku", pick(SKUS)));
        } else if (kind < 15) {
            touchpoint = tp(id, channel, at, "CONSENT_CHANGED",
                            Map.of("channel", pick(CHANNELS), "granted", random.nextInt(4) > 0));
        } else if (kind < 19) {
            touchpoint = tp(id, channel, at, "IDENTITY_LINKED", identity());
        } else if (kind < 26) {
            touchpoint = promoCode(id, at);
        } else if (kind < 31) {
            String conversation = "conv-" + sent;
            touchpoint = tp(id, channel, at, "CONVERSATION_STARTED",
                            Map.of("conversationId", conversation, "topic", "topic " + random.nextInt(5)));
        } else if (kind < 39 && !openConversations.isEmpty()) {
            String conversation = pick(new ArrayList<>(openConversations.keySet()));
            touchpoint = tp(id, openConversations.get(conversation), at, "CONVERSATION_MESSAGE",
                            Map.of("conversationId", conversation,
                                   "direction", random.nextBoolean() ? "INBOUND" : "OUTBOUND",
                                   "text", "message " + sent));
        } else if (kind < 43 && !openConversations.isEmpty()) {
            String conversation = pick(new ArrayList<>(openConversations.keySet()));
            // Now and then from the wrong channel: refused CONVERSATION_CHANNEL_MISMATCH.
            String from = random.nextInt(8) == 0 ? channel : openConversations.get(conversation);
            String to = pick(CHANNELS);
            while (to.equals(from)) {
                to = pick(CHANNELS);
            }
            touchpoint = tp(id, from, at, "CONVERSATION_HANDED_OVER",
                            Map.of("conversationId", conversation, "toChannel", to));
        } else if (kind < 46 && !conversationsEver.isEmpty()) {
            String conversation = pick(conversationsEver);
            touchpoint = tp(id, channel, at, "CONVERSATION_CLOSED",
                            Map.of("conversationId", conversation, "resolution", "answered"));
        } else if (kind < 66) {
            int which = random.nextInt(SKUS.length);
            // Rarely in dollars: refused CURRENCY_MISMATCH when the cart already holds euros.
            String currency = random.nextInt(40) == 0 ? "USD" : "EUR";
            touchpoint = tp(id, random.nextBoolean() ? "WEB" : "APP", at, "CART_ITEM_ADDED",
                            Map.of("sku", SKUS[which], "quantity", 1 + random.nextInt(3), "unitPrice",
                                   PRICES[which], "currency", currency));
        } else if (kind < 74 && !cart.isEmpty()) {
            String sku = pick(new ArrayList<>(cart.keySet()));
            // Sometimes more than the cart holds: refused CART_QUANTITY_EXCEEDED.
            int quantity = random.nextInt(6) == 0 ? cart.get(sku) + 1 : 1 + random.nextInt(cart.get(sku));
            touchpoint = tp(id, pick(CHANNELS), at, "CART_ITEM_REMOVED", Map.of("sku", sku, "quantity", quantity));
        } else if (kind < 80) {
            Map<String, Object> data = new HashMap<>();
            data.put("orderId", "order-" + sent);
            boolean pickup = random.nextBoolean();
            data.put("fulfilment", pickup ? "STORE_PICKUP" : "DELIVERY");
            if (pickup) {
                data.put("storeId", "store-" + random.nextInt(3));
            }
            maybeCode(data);
            touchpoint = tp(id, random.nextBoolean() ? "WEB" : "APP", at, "CHECKOUT_COMPLETED", data);
        } else if (kind < 86) {
            int which = random.nextInt(SKUS.length);
            Map<String, Object> data = new HashMap<>();
            data.put("orderId", "till-" + sent);
            data.put("storeId", "store-" + random.nextInt(3));
            data.put("items", List.of(Map.of("sku", SKUS[which], "quantity", 1 + random.nextInt(2),
                                             "unitPrice", PRICES[which], "currency", "EUR")));
            maybeCode(data);
            touchpoint = tp(id, "STORE", at, "IN_STORE_PURCHASE", data);
        } else if (kind < 90 && !pickupOrders.isEmpty()) {
            touchpoint = tp(id, "STORE", at, "ORDER_PICKED_UP",
                            Map.of("orderId", pick(pickupOrders), "storeId", "store-1"));
        } else if (kind < 94 && !orders.isEmpty()) {
            touchpoint = tp(id, random.nextBoolean() ? "STORE" : "WEB", at, "ORDER_RETURNED",
                            Map.of("orderId", pick(orders), "reason", "too small"));
        } else if (kind < 97) {
            touchpoint = tp(id, channel, at, "LOYALTY_ENROLLED", Map.of("programId", "club-" + random.nextInt(3)));
        } else {
            touchpoint = tp(id, channel, at, "PRODUCT_VIEWED", Map.of("sku", pick(SKUS)));
        }
        if (random.nextInt(12) == 0) {
            // Addressed by an identity too: the first time the journey sees it, IdentityCaptured.
            touchpoint.set("identity", Api.JSON.valueToTree(Map.of("type", "COOKIE_ID",
                                                                   "value", "cookie-" + random.nextInt(6))));
        }
        return touchpoint;
    }

    /** Updates the rough picture with a touchpoint the engine applied. */
    void applied(ObjectNode touchpoint) {
        JsonNode data = touchpoint.get("data");
        String channel = touchpoint.get("channel").asText();
        switch (touchpoint.get("type").asText()) {
            case "CONSENT_CHANGED" -> consent.put(data.get("channel").asText(), data.get("granted").asBoolean());
            case "PROMO_CODE_SENT" -> codes.add(data.get("code").asText());
            case "CONVERSATION_STARTED" -> {
                openConversations.put(data.get("conversationId").asText(), channel);
                conversationsEver.add(data.get("conversationId").asText());
            }
            case "CONVERSATION_HANDED_OVER" ->
                    openConversations.put(data.get("conversationId").asText(), data.get("toChannel").asText());
            case "CONVERSATION_CLOSED" -> openConversations.remove(data.get("conversationId").asText());
            case "CART_ITEM_ADDED" -> cart.merge(data.get("sku").asText(), data.get("quantity").asInt(), Integer::sum);
            case "CART_ITEM_REMOVED" -> {
                int left = cart.get(data.get("sku").asText()) - data.get("quantity").asInt();
                if (left > 0) {
                    cart.put(data.get("sku").asText(), left);
                } else {
                    cart.remove(data.get("sku").asText());
                }
            }
            case "CHECKOUT_COMPLETED" -> {
                cart.clear();
                orders.add(data.get("orderId").asText());
                if ("STORE_PICKUP".equals(data.get("fulfilment").asText())) {
                    pickupOrders.add(data.get("orderId").asText());
                }
            }
            case "IN_STORE_PURCHASE" -> orders.add(data.get("orderId").asText());
            case "ORDER_PICKED_UP" -> pickupOrders.remove(data.get("orderId").asText());
            default -> {
            }
        }
    }

    private ObjectNode promoCode(String id, Instant at) {
        List<String> consented = consent.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                                        .toList();
        // Mostly on a consented channel; sometimes not: refused CONSENT_REQUIRED.
        String via = !consented.isEmpty() && random.nextInt(6) > 0 ? pick(consented) : pick(CHANNELS);
        Map<String, Object> data = new HashMap<>();
        data.put("promotionId", "promo-" + random.nextInt(4));
        data.put("code", "CODE-" + sent);
        if (random.nextBoolean()) {
            data.put("discountPercent", 5 + random.nextInt(20));
        } else {
            data.put("discountAmount", random.nextBoolean() ? "5.00" : "7.50");
            data.put("currency", "EUR");
        }
        data.put("validChannels", random.nextInt(3) > 0 ? List.of("ALL") : List.of("STORE", "WEB"));
        // Valid for one to six days of business time: some purchases come too late.
        data.put("expiresAt", at.plusSeconds(86_400L * (1 + random.nextInt(6))).toString());
        return tp(id, via, at, "PROMO_CODE_SENT", data);
    }

    private void maybeCode(Map<String, Object> data) {
        if (!codes.isEmpty() && random.nextInt(3) == 0) {
            data.put("promoCode", pick(codes));
        }
    }

    private Map<String, Object> identity() {
        return switch (random.nextInt(5)) {
            case 0 -> Map.of("type", "PHONE", "value", "+3161234" + (1000 + random.nextInt(9000)));
            case 1 -> Map.of("type", "EMAIL", "value", "Customer" + random.nextInt(10) + "@Example.com");
            case 2 -> Map.of("type", "DEVICE_ID", "value", "device-" + random.nextInt(10));
            case 3 -> Map.of("type", "COOKIE_ID", "value", "cookie-" + random.nextInt(10));
            default -> Map.of("type", "LOYALTY_CARD", "value", "card-" + random.nextInt(10));
        };
    }

    private ObjectNode tp(String id, String channel, Instant at, String type, Map<String, ?> data) {
        return Api.touchpoint(id, customerId, channel, at.toString(), type, data);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
