package io.journeyengine.api.debug;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A second, independent reading of the journey's events, written for the tests from the event catalogue
 * (docs/events.md), not from the aggregate: what the journey should know after each event, in the JSON shape of
 * {@code GET /api/customers/{id}/state}. Time travel must agree with it at every sequence.
 */
final class StateFold {

    /** Reads money as written: 89.90 stays 89.90. */
    static final ObjectMapper EXACT = JsonMapper.builder()
                                                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                                                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                                                .build();

    private static final List<String> CHANNEL_ORDER = List.of("SMS", "WHATSAPP", "EMAIL", "WEB", "APP", "STORE",
                                                              "MESSENGER", "WEBCHAT", "VOICE", "VIDEO", "SOCIAL",
                                                              "MARKETPLACE", "KIOSK");
    private static final Set<String> TOUCHPOINT_EVENTS = Set.of(
            "ProductViewed", "ConsentChanged", "IdentityLinked", "PromoCodeSent", "ConversationStarted",
            "ConversationMessageLogged", "ConversationHandedOver", "ConversationClosed", "CartItemAdded",
            "CartItemRemoved", "CheckoutCompleted", "InStorePurchaseMade", "OrderPickedUp", "OrderReturned",
            "LoyaltyEnrolled", "CartReminderSent");

    private record Line(String sku, int quantity, BigDecimal unitPrice, String currency, String addedVia) {
    }

    private record Decision(boolean granted, Instant at) {
    }

    private String customerId;
    private String stage;
    private final ArrayNode history = JsonNodeFactory.instance.arrayNode();
    private final Map<String, Line> cart = new LinkedHashMap<>();
    private String cartCurrency;
    private final Map<String, ObjectNode> codes = new LinkedHashMap<>();
    private final Map<String, ObjectNode> conversations = new LinkedHashMap<>();
    private final Map<String, Decision> consents = new TreeMap<>();
    private final Set<String> identities = new TreeSet<>();
    private final Map<String, ObjectNode> orders = new LinkedHashMap<>();
    private final Set<String> programmes = new TreeSet<>();
    // Lifecycle facts (docs/events.md, "LifecycleStageAdvanced").
    private boolean anyTouchpoint;
    private boolean identityLinked;
    private boolean consentGranted;
    private boolean conversationStarted;
    private boolean cartItemAdded;
    private int purchases;
    private Instant firstPurchaseAt;
    private Instant latestPickup;
    private Instant latestReturn;
    private Instant latestConversationStart;
    private Instant latestLoyaltyEnrolment;

    /** Applies one event of the raw stream ({@code GET /events}, read with {@link #EXACT}). */
    void apply(JsonNode event) {
        String type = event.get("type").asText();
        JsonNode p = event.get("payload");
        // Events of the engine's own deadlines (a code's expiry, an idle close, an abandonment) have no touchpoint.
        JsonNode tp = p.get("touchpoint");
        String channel = tp == null || tp.isNull() ? null : tp.get("channel").asText();
        Instant at = tp == null || tp.isNull() ? null : Instant.parse(tp.get("occurredAt").asText());
        switch (type) {
            case "JourneyStarted" -> customerId = p.get("customerId").asText();
            case "IdentityCaptured", "IdentityLinked" ->
                    identities.add(p.get("identity").get("type").asText() + "\u0000" + p.get("identity").get("value")
                                                                                          .asText());
            case "ConsentChanged" -> {
                String of = p.get("consentChannel").asText();
                Decision current = consents.get(of);
                if (current == null || !at.isBefore(current.at())) {
                    consents.put(of, new Decision(p.get("granted").asBoolean(), at));
                }
            }
            case "PromoCodeSent" -> {
                ObjectNode code = object();
                code.put("promotionId", p.get("promotionId").asText());
                code.put("code", p.get("code").asText());
                ObjectNode discount = code.putObject("discount");
                putMoney(discount, "percent", p.get("discount").get("percent"));
                putMoney(discount, "amount", p.get("discount").get("amount"));
                discount.set("currency", p.get("discount").get("currency"));
                // Revision 2: validOn {allChannels, channels}; the state shows it as channels write it.
                ArrayNode valid = code.putArray("validChannels");
                if (p.get("validOn").get("allChannels").asBoolean()) {
                    valid.add("ALL");
                } else {
                    p.get("validOn").get("channels").forEach(valid::add);
                }
                code.put("expiresAt", Instant.parse(p.get("expiresAt").asText()).toString());
                code.put("sentVia", channel);
                code.put("sentAt", at.toString());
                codes.put(p.get("code").asText(), code);
            }
            case "PromoCodeRedeemed" -> {
                ObjectNode redemption = object();
                redemption.put("at", at.toString());
                redemption.put("via", channel);
                redemption.put("orderId", p.get("orderId").asText());
                redemption.put("touchpointId", tp.get("id").asText());
                codes.get(p.get("code").asText()).set("redemption", redemption);
            }
            case "PromoCodeReinstated" -> codes.get(p.get("code").asText()).remove("redemption");
            case "ConversationStarted" -> {
                ObjectNode conversation = object();
                conversation.put("conversationId", p.get("conversationId").asText());
                conversation.put("topic", p.get("topic").asText());
                conversation.putArray("channels").add(channel);
                conversation.put("messages", 0);
                conversation.put("open", true);
                conversations.put(p.get("conversationId").asText(), conversation);
            }
            case "ConversationMessageLogged" -> {
                ObjectNode conversation = conversations.get(p.get("conversationId").asText());
                conversation.put("messages", conversation.get("messages").asInt() + 1);
            }
            case "ConversationHandedOver" -> ((ArrayNode) conversations.get(p.get("conversationId").asText())
                    .get("channels")).add(p.get("toChannel").asText());
            case "ConversationClosed", "ConversationIdleClosed" ->
                    conversations.get(p.get("conversationId").asText()).put("open", false);
            case "CartItemAdded" -> {
                Line added = new Line(p.get("sku").asText(), p.get("quantity").asInt(),
                                      p.get("unitPrice").decimalValue(), p.get("currency").asText(), channel);
                cart.merge(added.sku(), added, (old, add) -> new Line(old.sku(), old.quantity() + add.quantity(),
                                                                      add.unitPrice(), add.currency(),
                                                                      old.addedVia()));
                cartCurrency = added.currency();
            }
            case "CartItemRemoved" -> {
                Line line = cart.get(p.get("sku").asText());
                int left = line.quantity() - p.get("quantity").asInt();
                if (left > 0) {
                    cart.put(line.sku(), new Line(line.sku(), left, line.unitPrice(), line.currency(),
                                                  line.addedVia()));
                } else {
                    cart.remove(line.sku());
                }
                if (cart.isEmpty()) {
                    cartCurrency = null;
                }
            }
            case "CheckoutCompleted", "InStorePurchaseMade" -> {
                if (type.equals("CheckoutCompleted")) {
                    cart.clear();
                    cartCurrency = null;
                }
                ObjectNode order = object();
                order.put("orderId", p.get("orderId").asText());
                order.put("channel", channel);
                order.put("placedAt", at.toString());
                order.set("fulfilment", p.get("fulfilment"));
                order.set("storeId", p.get("storeId"));
                putMoney(order, "total", p.get("total"));
                order.put("currency", p.get("currency").asText());
                order.set("promoCode", p.get("promoCode"));
                order.put("pickedUp", false);
                order.put("returned", false);
                orders.put(p.get("orderId").asText(), order);
            }
            case "OrderPickedUp" -> orders.get(p.get("orderId").asText()).put("pickedUp", true);
            case "OrderReturned" -> orders.get(p.get("orderId").asText()).put("returned", true);
            case "LoyaltyEnrolled" -> programmes.add(p.get("programId").asText());
            case "LifecycleStageAdvanced" -> {
                stage = p.get("to").asText();
                ObjectNode step = history.addObject();
                step.put("stage", stage);
                step.put("rule", p.get("rule").asText());
                step.put("touchpointId", tp.get("id").asText());
                step.put("channel", channel);
                step.put("occurredAt", at.toString());
            }
            case "ProductViewed" -> {
            }
            // What the engine does by itself: an abandonment, its reminder (a touchpoint of the engine's own, so a
            // lifecycle fact below) and a recovery leave the cart as it is; an expiry is not part of this state.
            case "CartAbandoned", "CartReminderSent", "AbandonedCartRecovered", "PromoCodeExpired" -> {
            }
            default -> throw new AssertionError("an event the catalogue does not name: " + type);
        }
        if (TOUCHPOINT_EVENTS.contains(type)) {
            facts(type, p, at);
        }
    }

    private void facts(String type, JsonNode p, Instant at) {
        anyTouchpoint = true;
        switch (type) {
            case "CheckoutCompleted", "InStorePurchaseMade" -> {
                purchases++;
                firstPurchaseAt = firstPurchaseAt == null || at.isBefore(firstPurchaseAt) ? at : firstPurchaseAt;
            }
            case "IdentityLinked" -> identityLinked = true;
            case "ConsentChanged" -> consentGranted |= p.get("granted").asBoolean();
            case "ConversationStarted" -> {
                conversationStarted = true;
                latestConversationStart = latest(latestConversationStart, at);
            }
            case "CartItemAdded" -> cartItemAdded = true;
            case "OrderPickedUp" -> latestPickup = latest(latestPickup, at);
            case "OrderReturned" -> latestReturn = latest(latestReturn, at);
            case "LoyaltyEnrolled" -> latestLoyaltyEnrolment = latest(latestLoyaltyEnrolment, at);
            default -> {
            }
        }
    }

    /** The state after the events applied so far, without nulls (compare with {@link #withoutNulls}). */
    JsonNode state() {
        ObjectNode state = object();
        state.put("customerId", customerId);
        ObjectNode lifecycle = state.putObject("lifecycle");
        lifecycle.put("stage", stage);
        lifecycle.set("history", history.deepCopy());
        ObjectNode facts = lifecycle.putObject("facts");
        facts.put("anyTouchpoint", anyTouchpoint);
        facts.put("identityLinked", identityLinked);
        facts.put("consentGranted", consentGranted);
        facts.put("conversationStarted", conversationStarted);
        facts.put("cartItemAdded", cartItemAdded);
        facts.put("purchases", purchases);
        putInstant(facts, "firstPurchaseAt", firstPurchaseAt);
        putInstant(facts, "latestPickup", latestPickup);
        putInstant(facts, "latestReturn", latestReturn);
        putInstant(facts, "latestConversationStart", latestConversationStart);
        putInstant(facts, "latestLoyaltyEnrolment", latestLoyaltyEnrolment);
        ObjectNode cartNode = state.putObject("cart");
        cartNode.put("currency", cartCurrency);
        ArrayNode items = cartNode.putArray("items");
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : cart.values()) {
            ObjectNode item = items.addObject();
            item.put("sku", line.sku());
            item.put("quantity", line.quantity());
            item.put("unitPrice", line.unitPrice().toPlainString());
            item.put("currency", line.currency());
            item.put("addedVia", line.addedVia());
            total = total.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }
        cartNode.put("total", cartCurrency == null ? "0"
                : total.setScale(java.util.Currency.getInstance(cartCurrency).getDefaultFractionDigits(),
                                 RoundingMode.HALF_UP).toPlainString());
        ArrayNode promotions = state.putArray("promotions");
        codes.values().forEach(code -> promotions.add(code.deepCopy()));
        ArrayNode conversationList = state.putArray("conversations");
        conversations.values().forEach(c -> conversationList.add(c.deepCopy()));
        ObjectNode consentNode = state.putObject("consents");
        CHANNEL_ORDER.stream().filter(consents::containsKey)
                     .forEach(channel -> consentNode.put(channel, consents.get(channel).granted()));
        ArrayNode identityList = state.putArray("identities");
        for (String identity : identities) {
            String[] parts = identity.split("\u0000");
            identityList.addObject().put("type", parts[0]).put("value", parts[1]);
        }
        ArrayNode orderList = state.putArray("orders");
        orders.values().forEach(o -> orderList.add(o.deepCopy()));
        ArrayNode loyalty = state.putArray("loyaltyProgrammes");
        programmes.forEach(loyalty::add);
        return withoutNulls(state);
    }

    /** A copy without null members, so that "absent" and "null" compare equal. */
    static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isNull()) {
                    copy.set(field.getKey(), withoutNulls(field.getValue()));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(withoutNulls(element)));
            return copy;
        }
        return node;
    }

    private static void putMoney(ObjectNode into, String field, JsonNode amount) {
        if (amount != null && !amount.isNull()) {
            into.put(field, amount.decimalValue().toPlainString());
        }
    }

    private static void putInstant(ObjectNode into, String field, Instant at) {
        if (at != null) {
            into.put(field, at.toString());
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Every event of a customer's stream, page by page, read with {@link #EXACT}. */
    static List<JsonNode> stream(io.journeyengine.api.support.Api api, String customerId) {
        List<JsonNode> events = new ArrayList<>();
        Long from = 0L;
        while (from != null) {
            var answer = api.get("/api/customers/" + customerId + "/events?limit=1000&fromSequence=" + from);
            try {
                JsonNode page = EXACT.readTree(answer.body());
                page.get("events").forEach(events::add);
                from = page.get("nextSequence").isNull() ? null : page.get("nextSequence").asLong();
            } catch (java.io.IOException e) {
                throw new AssertionError(answer.body(), e);
            }
        }
        return events;
    }
}
