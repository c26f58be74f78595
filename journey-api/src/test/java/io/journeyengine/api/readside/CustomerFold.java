package io.journeyengine.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One customer's applied touchpoints folded in arrival order into what its customer 360, timeline and cart must
 * show, by the test's own reading of DESIGN.md and docs/api.md (no engine or view code).
 */
final class CustomerFold {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private record Line(String sku, int quantity, BigDecimal unitPrice, String addedVia, Instant addedAt) {
    }

    private static final class Conversation {
        String topic;
        final List<String> channels = new ArrayList<>();
        boolean open = true;
        int messages;
    }

    private static final class Code {
        String promotionId;
        String code;
        String sentVia;
        Instant expiresAt;
        BigDecimal percent;
        BigDecimal amount;
        String redeemedVia;
        String redeemedBy;
    }

    private final String customerId;
    private final List<Touch> arrived;
    private final List<Touch> ordered;
    private final ArrayNode stageHistory = JSON.arrayNode();
    private Lifecycle.Reached stage;
    private final TreeSet<String> identities = new TreeSet<>();
    private final Map<String, Touch> consents = new HashMap<>();
    private final Map<String, Line> cart = new LinkedHashMap<>();
    private String cartCurrency;
    private Instant cartUpdatedAt;
    private final Map<String, Conversation> conversations = new TreeMap<>();
    private final Map<String, Code> wallet = new TreeMap<>();
    /** Orders whose code a full return gave back: their redemption no longer counts. */
    final java.util.Set<String> reinstatedOrders = new java.util.HashSet<>();
    private final Map<String, ObjectNode> orders = new TreeMap<>();

    CustomerFold(String customerId, List<Touch> arrived) {
        this.customerId = customerId;
        this.arrived = List.copyOf(arrived);
        this.ordered = arrived.stream().sorted(Touch.BUSINESS_ORDER).toList();
        List<Touch> sofar = new ArrayList<>();
        for (Touch touch : arrived) {
            if (touch.identity() != null) {
                identities.add(identity(touch.identity()));
            }
            apply(touch);
            sofar.add(touch);
            // The stage is a function of the set of touchpoints; an advance is recorded by the touchpoint whose
            // arrival made the set reach a later stage.
            Lifecycle.Reached reached = Lifecycle.of(sofar);
            if (stage == null || reached.rank() > stage.rank()) {
                stage = reached;
                stageHistory.addObject().put("stage", reached.stage()).put("at", touch.occurredAt().toString())
                            .put("rule", reached.rule()).put("touchpointId", touch.id());
            }
        }
    }

    private void apply(Touch t) {
        switch (t.type()) {
            case "IDENTITY_LINKED" -> identities.add(identity(t.data()));
            case "CONSENT_CHANGED" -> consents.merge(t.text("channel"), t,
                                                     (old, now) -> Touch.BUSINESS_ORDER.compare(now, old) > 0 ? now : old);
            case "PROMO_CODE_SENT" -> {
                Code code = new Code();
                code.promotionId = t.text("promotionId");
                code.code = Touch.code(t.text("code"));
                code.sentVia = t.channel();
                code.expiresAt = Instant.parse(t.text("expiresAt"));
                code.percent = t.data().hasNonNull("discountPercent") ? t.data().get("discountPercent").decimalValue() : null;
                code.amount = t.data().hasNonNull("discountAmount") ? new BigDecimal(t.text("discountAmount")) : null;
                wallet.put(code.code, code);
            }
            case "CONVERSATION_STARTED" -> {
                Conversation c = new Conversation();
                c.topic = t.text("topic");
                c.channels.add(t.channel());
                conversations.put(t.text("conversationId"), c);
            }
            case "CONVERSATION_MESSAGE" -> conversations.get(t.text("conversationId")).messages++;
            case "CONVERSATION_HANDED_OVER" -> conversations.get(t.text("conversationId")).channels.add(t.text("toChannel"));
            case "CONVERSATION_CLOSED" -> conversations.get(t.text("conversationId")).open = false;
            case "CART_ITEM_ADDED" -> {
                String sku = t.text("sku");
                Line old = cart.get(sku);
                BigDecimal price = new BigDecimal(t.text("unitPrice"));
                int quantity = t.data().get("quantity").asInt();
                cart.put(sku, old == null ? new Line(sku, quantity, price, t.channel(), t.occurredAt())
                        : new Line(sku, old.quantity() + quantity, price, old.addedVia(), old.addedAt()));
                cartCurrency = t.text("currency");
                touchCart(t);
            }
            case "CART_ITEM_REMOVED" -> {
                Line old = cart.get(t.text("sku"));
                int left = old.quantity() - t.data().get("quantity").asInt();
                if (left > 0) {
                    cart.put(old.sku(), new Line(old.sku(), left, old.unitPrice(), old.addedVia(), old.addedAt()));
                } else {
                    cart.remove(old.sku());
                }
                cartCurrency = cart.isEmpty() ? null : cartCurrency;
                touchCart(t);
            }
            case "CHECKOUT_COMPLETED" -> {
                BigDecimal subtotal = cart.values().stream()
                        .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                order(t, subtotal, cartCurrency).put("fulfilment", t.text("fulfilment"));
                cart.clear();
                cartCurrency = null;
                touchCart(t);
            }
            case "IN_STORE_PURCHASE" -> {
                BigDecimal subtotal = BigDecimal.ZERO;
                for (JsonNode item : t.data().get("items")) {
                    subtotal = subtotal.add(new BigDecimal(item.get("unitPrice").asText())
                                                    .multiply(BigDecimal.valueOf(item.get("quantity").asInt())));
                }
                order(t, subtotal, t.data().get("items").get(0).get("currency").asText());
            }
            case "ORDER_PICKED_UP" -> orders.get(t.text("orderId")).put("pickedUp", true);
            case "ORDER_RETURNED" -> {
                orders.get(t.text("orderId")).put("returned", true);
                // A full return gives the order's code back if it has not expired at the return's business time.
                wallet.values().stream().filter(c -> t.text("orderId").equals(c.redeemedBy))
                      .filter(c -> !t.occurredAt().isAfter(c.expiresAt)).forEach(c -> {
                          reinstatedOrders.add(c.redeemedBy);
                          c.redeemedBy = null;
                          c.redeemedVia = null;
                      });
            }
            default -> {
                // PRODUCT_VIEWED and LOYALTY_ENROLLED show only in the timeline, stage and channels.
            }
        }
    }

    private void touchCart(Touch t) {
        cartUpdatedAt = cartUpdatedAt == null || t.occurredAt().isAfter(cartUpdatedAt) ? t.occurredAt() : cartUpdatedAt;
    }

    /** Records a purchase priced as docs/api.md says, with its code redeemed. */
    private ObjectNode order(Touch t, BigDecimal rawSubtotal, String currency) {
        BigDecimal subtotal = Figures.money(rawSubtotal, currency);
        BigDecimal discount = Figures.money(BigDecimal.ZERO, currency);
        Code code = t.text("promoCode") == null ? null : wallet.get(Touch.code(t.text("promoCode")));
        if (code != null) {
            discount = code.percent != null
                    ? Figures.money(subtotal.multiply(code.percent).divide(BigDecimal.valueOf(100)), currency)
                    : Figures.money(code.amount.min(subtotal), currency);
            code.redeemedVia = t.channel();
            code.redeemedBy = t.text("orderId");
        }
        ObjectNode order = JSON.objectNode().put("orderId", t.text("orderId")).put("channel", t.channel())
                               .put("occurredAt", t.occurredAt().toString()).put("currency", currency)
                               .put("subtotal", subtotal.toPlainString()).put("discount", discount.toPlainString())
                               .put("total", subtotal.subtract(discount).toPlainString())
                               .put("promoCode", code == null ? null : code.code).put("storeId", t.text("storeId"))
                               .put("pickedUp", false).put("returned", false);
        orders.put(t.text("orderId"), order);
        return order;
    }

    // ---- what the views must show ---------------------------------------------------------------------------

    String customerId() {
        return customerId;
    }

    List<Touch> ordered() {
        return ordered;
    }

    String stage() {
        return stage.stage();
    }

    /** The customer 360 without {@code orders} and {@code preferredChannel}, whose shapes DESIGN.md leaves open. */
    ObjectNode profile(Instant now) {
        ObjectNode profile = JSON.objectNode().put("customerId", customerId).put("stage", stage.stage());
        profile.set("stageHistory", stageHistory);
        ArrayNode ids = profile.putArray("identities");
        identities.forEach(id -> ids.addObject().put("type", id.substring(0, id.indexOf(' ')))
                                    .put("value", id.substring(id.indexOf(' ') + 1)));
        ObjectNode consentMap = profile.putObject("consents");
        consents.forEach((channel, touch) -> consentMap.put(channel, touch.data().get("granted").asBoolean()));
        profile.set("cart", cart());
        ArrayNode chats = profile.putArray("conversations");
        conversations.forEach((id, c) -> {
            ObjectNode chat = chats.addObject().put("conversationId", id).put("topic", c.topic);
            c.channels.forEach(chat.putArray("channels")::add);
            chat.put("open", c.open).put("messages", c.messages);
        });
        ArrayNode promotions = profile.putArray("promotions");
        wallet.values().forEach(c -> promotions.addObject().put("promotionId", c.promotionId).put("code", c.code)
                .put("sentVia", c.sentVia)
                .put("status", c.redeemedVia != null ? "REDEEMED" : c.expiresAt.isBefore(now) ? "EXPIRED" : "AVAILABLE")
                .put("redeemedVia", c.redeemedVia).put("expiresAt", c.expiresAt.toString()));
        channels().forEach(profile.putArray("channels")::add);
        return profile;
    }

    /** Codes of {@code promotionId} not in use whose expiresAt lies before {@code now} and in {@code window}. */
    long expiredCodes(String promotionId, Window window, Instant now) {
        return wallet.values().stream().filter(c -> c.promotionId.equals(promotionId) && c.redeemedVia == null
                && c.expiresAt.isBefore(now) && window.contains(c.expiresAt)).count();
    }

    /** Every order with every fact the test knows of it; a view may show any of these fields. */
    Map<String, ObjectNode> orders() {
        return orders;
    }

    /**
     * The most used channel with marketing consent in force, when that is one channel; null when the customer has
     * consented to none. Absent when DESIGN.md does not decide (a tie, or consent only for unused channels).
     */
    Optional<JsonNode> preferredChannel() {
        List<String> consented = consents.entrySet().stream()
                .filter(e -> e.getValue().data().get("granted").asBoolean()).map(Map.Entry::getKey).toList();
        if (consented.isEmpty()) {
            return Optional.of(JSON.nullNode());
        }
        Map<String, Long> uses = new HashMap<>();
        consented.forEach(c -> uses.put(c, arrived.stream().filter(t -> t.channel().equals(c)).count()));
        long most = uses.values().stream().max(Long::compare).orElse(0L);
        List<String> best = uses.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
        return most > 0 && best.size() == 1 ? Optional.of(JSON.textNode(best.get(0)))
                : Optional.empty();
    }

    ObjectNode cart() {
        ObjectNode view = JSON.objectNode().put("currency", cartCurrency);
        ArrayNode items = view.putArray("items");
        BigDecimal total = BigDecimal.ZERO;
        List<Line> lines = cart.values().stream()
                .sorted(Comparator.comparing(Line::addedAt).thenComparing(Line::sku)).toList();
        for (Line line : lines) {
            items.addObject().put("sku", line.sku()).put("quantity", line.quantity())
                 .put("unitPrice", Figures.money(line.unitPrice(), cartCurrency).toPlainString())
                 .put("addedVia", line.addedVia());
            total = total.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }
        view.put("total", cartCurrency == null ? "0.00" : Figures.money(total, cartCurrency).toPlainString());
        return view.put("updatedAt", cartUpdatedAt == null ? null : cartUpdatedAt.toString());
    }

    ObjectNode timeline() {
        ObjectNode timeline = JSON.objectNode().put("customerId", customerId);
        ArrayNode touchpoints = timeline.putArray("touchpoints");
        ordered.forEach(t -> touchpoints.addObject().put("touchpointId", t.id()).put("type", t.type())
                                        .put("channel", t.channel()).put("occurredAt", t.occurredAt().toString()));
        return timeline;
    }

    List<String> channels() {
        return arrived.stream().map(Touch::channel).distinct().sorted(Touch.CHANNEL_ORDER).toList();
    }

    /** A code sent to this customer: its promotion and the channel it was sent on. */
    record SentCode(String promotionId, String sentVia) {
    }

    SentCode sentCode(String raw) {
        Code code = wallet.get(Touch.code(raw));
        return new SentCode(code.promotionId, code.sentVia);
    }

    /** An identity in the engine's normal form, as "TYPE value" (phones E.164, e-mail lower case, others trimmed). */
    private static String identity(JsonNode node) {
        String type = node.get("type").asText();
        String value = node.get("value").asText().trim();
        if (type.equals("PHONE")) {
            value = value.replaceAll("[\\s().\\-/]", "");
            value = value.startsWith("00") ? "+" + value.substring(2) : value;
        } else if (type.equals("EMAIL")) {
            value = value.toLowerCase(Locale.ROOT);
        }
        return type + " " + value;
    }
}
