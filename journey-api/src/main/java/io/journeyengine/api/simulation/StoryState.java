package io.journeyengine.api.simulation;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one simulated customer has, as the channels would know it after each answer, so the story can choose what
 * happens next and say in advance how the engine must answer (the API guide's rules, in its order of checks). A
 * simulator that cannot predict its answers could not tell a refusal it provoked from a fault of the engine.
 * <p>
 * State follows arrival order, as the engine's rules do; only consent in force, promo expiry and reinstatement
 * depend on business time ({@code occurredAt}).
 */
final class StoryState {

    static final String APPLIED = "APPLIED";

    private record Consent(boolean granted, Instant at) {
    }

    /** A code in the customer's wallet; {@code redeemedBy} is the order that used it, or null while available. */
    record Code(Catalogue.Promotion promotion, String code, Instant sentAt, Instant expiresAt, String redeemedBy) {
        boolean usableAt(Instant at, String channel, String currency) {
            return redeemedBy == null && !at.isAfter(expiresAt) && promotion.validOn(channel)
                    && (promotion.amount() == null || "EUR".equals(currency));
        }
    }

    /** An order; {@code fulfilment} is null for a till purchase. */
    record Order(String id, Instant at, String fulfilment, boolean pickedUp, boolean returned) {
    }

    private static final class Conversation {
        String channel;
        boolean open = true;
        final Set<String> visited = new HashSet<>();
    }

    private final Map<String, Consent> consents = new HashMap<>();
    private final Map<String, Integer> cart = new LinkedHashMap<>();
    private String cartCurrency;
    private Instant lastCheckoutAt;
    private final Map<String, Code> codes = new LinkedHashMap<>();
    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Set<String> programmes = new HashSet<>();
    private int applied;

    static String normaliseCode(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    /** How the engine must answer {@code step} now: {@link #APPLIED} or the rule code that refuses it. */
    String decide(Step step) {
        return switch (step.type()) {
            case "PROMO_CODE_SENT" -> !consented(step.channel()) ? "CONSENT_REQUIRED"
                    : codes.containsKey(normaliseCode(step.text("code"))) ? "PROMO_CODE_EXISTS" : APPLIED;
            case "CONVERSATION_STARTED" ->
                    conversations.containsKey(step.text("conversationId")) ? "CONVERSATION_EXISTS" : APPLIED;
            case "CONVERSATION_MESSAGE", "CONVERSATION_CLOSED" ->
                    open(step.text("conversationId")) ? APPLIED : "CONVERSATION_NOT_OPEN";
            case "CONVERSATION_HANDED_OVER" -> !open(step.text("conversationId")) ? "CONVERSATION_NOT_OPEN"
                    : conversations.get(step.text("conversationId")).channel.equals(step.channel()) ? APPLIED
                    : "CONVERSATION_CHANNEL_MISMATCH";
            case "CART_ITEM_ADDED" -> cartCurrency != null && !cartCurrency.equals(step.text("currency"))
                    ? "CURRENCY_MISMATCH" : APPLIED;
            case "CART_ITEM_REMOVED" -> step.data().get("quantity").asInt() > held(step.text("sku"))
                    ? "CART_QUANTITY_EXCEEDED" : APPLIED;
            case "CHECKOUT_COMPLETED" -> cart.isEmpty() ? "CART_EMPTY"
                    : orders.containsKey(step.text("orderId")) ? "ORDER_EXISTS" : redemption(step, cartCurrency);
            case "IN_STORE_PURCHASE" -> orders.containsKey(step.text("orderId")) ? "ORDER_EXISTS"
                    : mixedBasket(step) ? "CURRENCY_MISMATCH" : redemption(step, basketCurrency(step));
            case "ORDER_PICKED_UP" -> !orders.containsKey(step.text("orderId")) ? "ORDER_UNKNOWN"
                    : !"STORE_PICKUP".equals(orders.get(step.text("orderId")).fulfilment()) ? "ORDER_NOT_FOR_PICKUP"
                    : orders.get(step.text("orderId")).pickedUp() ? "ORDER_ALREADY_PICKED_UP" : APPLIED;
            case "ORDER_RETURNED" -> !orders.containsKey(step.text("orderId")) ? "ORDER_UNKNOWN"
                    : orders.get(step.text("orderId")).returned() ? "ORDER_ALREADY_RETURNED" : APPLIED;
            case "LOYALTY_ENROLLED" -> programmes.contains(step.text("programId")) ? "LOYALTY_ALREADY_ENROLLED" : APPLIED;
            default -> APPLIED; // PRODUCT_VIEWED, CONSENT_CHANGED, IDENTITY_LINKED (identities never clash here)
        };
    }

    /** The promo checks of a purchase, in the engine's order. */
    private String redemption(Step step, String currency) {
        String given = step.text("promoCode");
        if (given == null) {
            return APPLIED;
        }
        Code code = codes.get(normaliseCode(given));
        if (code == null) {
            return "PROMO_UNKNOWN";
        }
        if (code.redeemedBy() != null) {
            return "PROMO_ALREADY_REDEEMED";
        }
        if (step.occurredAt().isAfter(code.expiresAt())) {
            return "PROMO_EXPIRED";
        }
        if (!code.promotion().validOn(step.channel())) {
            return "PROMO_CHANNEL_NOT_ALLOWED";
        }
        return code.promotion().amount() != null && !"EUR".equals(currency) ? "CURRENCY_MISMATCH" : APPLIED;
    }

    /** Records the effect of a step the engine applied. */
    void apply(Step step) {
        applied++;
        String orderId = step.text("orderId");
        switch (step.type()) {
            case "CONSENT_CHANGED" -> {
                Consent now = consents.get(step.text("channel"));
                if (now == null || !step.occurredAt().isBefore(now.at())) {
                    consents.put(step.text("channel"), new Consent(step.data().get("granted").asBoolean(),
                                                                   step.occurredAt()));
                }
            }
            case "PROMO_CODE_SENT" -> {
                Catalogue.Promotion promotion = Catalogue.PROMOTIONS.stream()
                        .filter(p -> p.id().equals(step.text("promotionId"))).findFirst().orElseThrow();
                String code = normaliseCode(step.text("code"));
                codes.put(code, new Code(promotion, code, step.occurredAt(), Instant.parse(step.text("expiresAt")),
                                         null));
            }
            case "CONVERSATION_STARTED" -> {
                Conversation conversation = new Conversation();
                conversation.channel = step.channel();
                conversation.visited.add(step.channel());
                conversations.put(step.text("conversationId"), conversation);
            }
            case "CONVERSATION_HANDED_OVER" -> {
                Conversation conversation = conversations.get(step.text("conversationId"));
                conversation.channel = step.text("toChannel");
                conversation.visited.add(conversation.channel);
            }
            case "CONVERSATION_CLOSED" -> conversations.get(step.text("conversationId")).open = false;
            case "CART_ITEM_ADDED" -> {
                cart.merge(step.text("sku"), step.data().get("quantity").asInt(), Integer::sum);
                cartCurrency = step.text("currency");
            }
            case "CART_ITEM_REMOVED" -> {
                int left = held(step.text("sku")) - step.data().get("quantity").asInt();
                if (left > 0) {
                    cart.put(step.text("sku"), left);
                } else {
                    cart.remove(step.text("sku"));
                }
                cartCurrency = cart.isEmpty() ? null : cartCurrency;
            }
            case "CHECKOUT_COMPLETED" -> {
                orders.put(orderId, new Order(orderId, step.occurredAt(), step.text("fulfilment"), false, false));
                redeem(step.text("promoCode"), orderId);
                cart.clear();
                cartCurrency = null;
                lastCheckoutAt = step.occurredAt();
            }
            case "IN_STORE_PURCHASE" -> {
                orders.put(orderId, new Order(orderId, step.occurredAt(), null, false, false));
                redeem(step.text("promoCode"), orderId);
            }
            case "ORDER_PICKED_UP" -> orders.computeIfPresent(orderId, (id, o) ->
                    new Order(id, o.at(), o.fulfilment(), true, o.returned()));
            case "ORDER_RETURNED" -> {
                orders.computeIfPresent(orderId, (id, o) -> new Order(id, o.at(), o.fulfilment(), o.pickedUp(), true));
                // A full return gives the code back while it is still valid at the return's business time.
                codes.replaceAll((key, c) -> orderId.equals(c.redeemedBy()) && !step.occurredAt().isAfter(c.expiresAt())
                        ? new Code(c.promotion(), c.code(), c.sentAt(), c.expiresAt(), null) : c);
            }
            case "LOYALTY_ENROLLED" -> programmes.add(step.text("programId"));
            default -> {
                // PRODUCT_VIEWED and IDENTITY_LINKED change nothing the story decides on.
            }
        }
    }

    private void redeem(String given, String orderId) {
        if (given != null) {
            codes.computeIfPresent(normaliseCode(given), (key, c) ->
                    new Code(c.promotion(), c.code(), c.sentAt(), c.expiresAt(), orderId));
        }
    }

    boolean consented(String channel) {
        Consent consent = consents.get(channel);
        return consent != null && consent.granted();
    }

    boolean open(String conversationId) {
        Conversation conversation = conversations.get(conversationId);
        return conversation != null && conversation.open;
    }

    String conversationChannel(String conversationId) {
        return conversations.get(conversationId).channel;
    }

    boolean visited(String conversationId, String channel) {
        return conversations.get(conversationId).visited.contains(channel);
    }

    List<String> openConversations() {
        return conversations.keySet().stream().filter(this::open).toList();
    }

    List<String> closedConversations() {
        return conversations.keySet().stream().filter(id -> !open(id)).toList();
    }

    int held(String sku) {
        return cart.getOrDefault(sku, 0);
    }

    Map<String, Integer> cart() {
        return Map.copyOf(cart);
    }

    String cartCurrency() {
        return cartCurrency;
    }

    Instant lastCheckoutAt() {
        return lastCheckoutAt;
    }

    List<Code> codes() {
        return new ArrayList<>(codes.values());
    }

    Code code(String code) {
        return codes.get(normaliseCode(code));
    }

    List<Order> orders() {
        return new ArrayList<>(orders.values());
    }

    boolean enrolled(String programme) {
        return programmes.contains(programme);
    }

    /** Whether the customer exists in the engine: at least one touchpoint was applied. */
    boolean started() {
        return applied > 0;
    }

    private boolean mixedBasket(Step step) {
        String first = basketCurrency(step);
        for (JsonNode item : step.data().get("items")) {
            if (!first.equals(item.get("currency").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String basketCurrency(Step step) {
        return step.data().get("items").get(0).get("currency").asText();
    }
}
