package io.journeyengine.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.journeyengine.api.problem.Problem.FieldError;
import io.journeyengine.journey.Channel;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.browsing.ViewProduct;
import io.journeyengine.journey.cart.AddCartItem;
import io.journeyengine.journey.cart.RemoveCartItem;
import io.journeyengine.journey.consent.ChangeConsent;
import io.journeyengine.journey.conversation.CloseConversation;
import io.journeyengine.journey.conversation.HandOverConversation;
import io.journeyengine.journey.conversation.LogConversationMessage;
import io.journeyengine.journey.conversation.MessageDirection;
import io.journeyengine.journey.conversation.StartConversation;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.identity.IdentityType;
import io.journeyengine.journey.identity.LinkIdentity;
import io.journeyengine.journey.loyalty.EnrolInLoyalty;
import io.journeyengine.journey.order.CompleteCheckout;
import io.journeyengine.journey.order.Fulfilment;
import io.journeyengine.journey.order.RecordInStorePurchase;
import io.journeyengine.journey.order.RecordOrderPickup;
import io.journeyengine.journey.order.RecordOrderReturn;
import io.journeyengine.journey.order.TillItem;
import io.journeyengine.journey.promotion.Discount;
import io.journeyengine.journey.promotion.PromoCode;
import io.journeyengine.journey.promotion.SendPromoCode;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the JSON of one touchpoint into a journey command, or into the list of everything wrong with it. Field
 * limits (lengths, ranges) live here, at the edge, so the domain only ever sees well-formed values; the business
 * rules stay in the aggregate.
 */
@Component
public class TouchpointParser {

    static final int ID_LENGTH = 100;
    static final int TOPIC_LENGTH = 200;
    static final int TEXT_LENGTH = 4000;
    static final int REASON_LENGTH = 500;
    static final int MAX_TILL_ITEMS = 500;
    /** Customer ids appear in URL paths (/api/customers/{id}/cart): no slashes, semicolons, percent signs or blanks. */
    static final java.util.regex.Pattern CUSTOMER_ID = java.util.regex.Pattern.compile("[\\p{Alnum}._:@+\\-]+");

    private final Clock clock;
    private final IngestProperties limits;

    public TouchpointParser(Clock clock, IngestProperties limits) {
        this.clock = clock;
        this.limits = limits;
    }

    public ParsedTouchpoint parse(JsonNode node) {
        List<FieldError> errors = new ArrayList<>();
        FieldReader read = new FieldReader(errors, "");
        if (node == null || !node.isObject()) {
            read.error("$", "a touchpoint must be a JSON object");
            return new ParsedTouchpoint.Invalid(null, null, null, null, errors);
        }
        String touchpointId = read.text(node, "touchpointId", ID_LENGTH, true);
        String customerId = read.text(node, "customerId", ID_LENGTH, false);
        if (customerId != null && !CUSTOMER_ID.matcher(customerId).matches()) {
            read.error("customerId", "may hold letters, digits and . _ : @ + - only (it is part of URLs)");
            customerId = null;
        }
        Identity identity = identity(node.get("identity"), read.nested("identity"));
        if (!node.hasNonNull("customerId") && !node.hasNonNull("identity")) {
            read.error("customerId", "name the customer by customerId, identity or both");
        }
        Channel channel = read.channel(node, "channel", true);
        Instant occurredAt = read.instant(node, "occurredAt", true);
        if (occurredAt != null && occurredAt.isAfter(clock.instant().plus(limits.maxFutureSkew()))) {
            read.error("occurredAt", "lies more than " + limits.maxFutureSkew() + " in the future");
        }
        TouchpointType type = read.oneOf(node, "type", TouchpointType.class, true);
        JsonNode data = node.get("data");
        ParsedTouchpoint.CommandFactory command = null;
        Identity linked = null;
        if (type != null) {
            if (data == null || data.isNull()) {
                data = JsonNodeFactory.instance.objectNode();
            }
            if (!data.isObject()) {
                read.error("data", "must be a JSON object");
            } else {
                linked = type == TouchpointType.IDENTITY_LINKED ? identity(data, read.nested("data")) : null;
                command = command(type, data, read.nested("data"), channel, linked);
            }
        }
        if (!errors.isEmpty()) {
            return new ParsedTouchpoint.Invalid(touchpointId, customerId, channel, type, errors);
        }
        return new ParsedTouchpoint.Valid(touchpointId, customerId, identity,
                                          new Touchpoint(touchpointId, channel, occurredAt), type, linked, command);
    }

    private Identity identity(JsonNode node, FieldReader read) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            read.error("", "must be an object {type, value}");
            return null;
        }
        IdentityType type = read.oneOf(node, "type", IdentityType.class, true);
        String value = read.text(node, "value", Identity.MAX_LENGTH, true);
        if (type == null || value == null) {
            return null;
        }
        try {
            return Identity.of(type, value);
        } catch (IllegalArgumentException e) {
            read.error("value", e.getMessage());
            return null;
        }
    }

    /** Reads the type's data; returns null when something is wrong (the reader has the errors). */
    private ParsedTouchpoint.CommandFactory command(TouchpointType type, JsonNode d, FieldReader read,
                                                    Channel channel, Identity linked) {
        int before = read.errorCount();
        ParsedTouchpoint.CommandFactory factory = switch (type) {
            case PRODUCT_VIEWED -> {
                String sku = read.text(d, "sku", ID_LENGTH, true);
                yield (c, tp, id) -> new ViewProduct(c, tp, id, sku);
            }
            case CONSENT_CHANGED -> {
                Channel consentChannel = read.channel(d, "channel", true);
                Boolean granted = read.bool(d, "granted");
                yield (c, tp, id) -> new ChangeConsent(c, tp, id, consentChannel, granted);
            }
            case IDENTITY_LINKED -> (c, tp, id) -> new LinkIdentity(c, tp, id, linked);
            case PROMO_CODE_SENT -> promoCodeSent(d, read);
            case CONVERSATION_STARTED -> {
                String conversationId = read.text(d, "conversationId", ID_LENGTH, true);
                String topic = read.text(d, "topic", TOPIC_LENGTH, true);
                yield (c, tp, id) -> new StartConversation(c, tp, id, conversationId, topic);
            }
            case CONVERSATION_MESSAGE -> {
                String conversationId = read.text(d, "conversationId", ID_LENGTH, true);
                MessageDirection direction = read.oneOf(d, "direction", MessageDirection.class, true);
                String text = read.text(d, "text", TEXT_LENGTH, true);
                yield (c, tp, id) -> new LogConversationMessage(c, tp, id, conversationId, direction, text);
            }
            case CONVERSATION_HANDED_OVER -> {
                String conversationId = read.text(d, "conversationId", ID_LENGTH, true);
                Channel to = read.channel(d, "toChannel", true);
                if (to != null && to == channel) {
                    read.error("toChannel", "must differ from the channel the conversation is handed over from");
                }
                yield (c, tp, id) -> new HandOverConversation(c, tp, id, conversationId, to);
            }
            case CONVERSATION_CLOSED -> {
                String conversationId = read.text(d, "conversationId", ID_LENGTH, true);
                String resolution = read.text(d, "resolution", REASON_LENGTH, true);
                yield (c, tp, id) -> new CloseConversation(c, tp, id, conversationId, resolution);
            }
            case CART_ITEM_ADDED -> {
                String sku = read.text(d, "sku", ID_LENGTH, true);
                Integer quantity = read.integer(d, "quantity", 1, 999);
                String currency = read.currency(d, "currency");
                BigDecimal price = read.amount(d, "unitPrice", currency, false);
                yield (c, tp, id) -> new AddCartItem(c, tp, id, sku, quantity, price, currency);
            }
            case CART_ITEM_REMOVED -> {
                String sku = read.text(d, "sku", ID_LENGTH, true);
                Integer quantity = read.integer(d, "quantity", 1, 999);
                yield (c, tp, id) -> new RemoveCartItem(c, tp, id, sku, quantity);
            }
            case CHECKOUT_COMPLETED -> {
                String orderId = read.text(d, "orderId", ID_LENGTH, true);
                String promoCode = read.text(d, "promoCode", ID_LENGTH, false);
                Fulfilment fulfilment = read.oneOf(d, "fulfilment", Fulfilment.class, true);
                String storeId = read.text(d, "storeId", ID_LENGTH, fulfilment == Fulfilment.STORE_PICKUP);
                yield (c, tp, id) -> new CompleteCheckout(c, tp, id, orderId, promoCode, fulfilment, storeId);
            }
            case IN_STORE_PURCHASE -> inStorePurchase(d, read);
            case ORDER_PICKED_UP -> {
                String orderId = read.text(d, "orderId", ID_LENGTH, true);
                String storeId = read.text(d, "storeId", ID_LENGTH, true);
                yield (c, tp, id) -> new RecordOrderPickup(c, tp, id, orderId, storeId);
            }
            case ORDER_RETURNED -> {
                String orderId = read.text(d, "orderId", ID_LENGTH, true);
                String storeId = read.text(d, "storeId", ID_LENGTH, false);
                String reason = read.text(d, "reason", REASON_LENGTH, true);
                yield (c, tp, id) -> new RecordOrderReturn(c, tp, id, orderId, storeId, reason);
            }
            case LOYALTY_ENROLLED -> {
                String programId = read.text(d, "programId", ID_LENGTH, true);
                yield (c, tp, id) -> new EnrolInLoyalty(c, tp, id, programId);
            }
        };
        return read.errorCount() == before ? factory : null;
    }

    private ParsedTouchpoint.CommandFactory promoCodeSent(JsonNode d, FieldReader read) {
        String promotionId = read.text(d, "promotionId", ID_LENGTH, true);
        String code = read.text(d, "code", ID_LENGTH, true);
        Discount discount = null;
        boolean hasPercent = d.hasNonNull("discountPercent");
        boolean hasAmount = d.hasNonNull("discountAmount");
        if (hasPercent == hasAmount) {
            read.error("discountPercent", "give either discountPercent or discountAmount with currency");
        } else if (hasPercent) {
            BigDecimal percent = read.amount(d, "discountPercent", null, true);
            if (percent != null && percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                read.error("discountPercent", "must be at most 100");
            } else if (percent != null) {
                discount = Discount.percent(percent);
            }
        } else {
            String currency = read.currency(d, "currency");
            BigDecimal amount = read.amount(d, "discountAmount", currency, true);
            if (amount != null && currency != null) {
                discount = Discount.amount(amount, currency);
            }
        }
        List<String> validChannels = read.textList(d, "validChannels", Channel.values().length + 1, 20);
        if (validChannels == null && !d.hasNonNull("validChannels")) {
            validChannels = List.of(PromoCode.ALL_CHANNELS);
        }
        if (validChannels != null) {
            for (int i = 0; i < validChannels.size(); i++) {
                String name = validChannels.get(i);
                if (!PromoCode.ALL_CHANNELS.equals(name) && !isChannel(name)) {
                    read.error("validChannels[" + i + "]", "must be ALL or a channel name");
                }
            }
        }
        Instant expiresAt = read.instant(d, "expiresAt", true);
        Discount finalDiscount = discount;
        List<String> channels = validChannels;
        return (c, tp, id) -> new SendPromoCode(c, tp, id, promotionId, code, finalDiscount, channels, expiresAt);
    }

    private ParsedTouchpoint.CommandFactory inStorePurchase(JsonNode d, FieldReader read) {
        String orderId = read.text(d, "orderId", ID_LENGTH, true);
        String storeId = read.text(d, "storeId", ID_LENGTH, true);
        String promoCode = read.text(d, "promoCode", ID_LENGTH, false);
        JsonNode itemsNode = d.get("items");
        List<TillItem> items = new ArrayList<>();
        if (itemsNode == null || !itemsNode.isArray() || itemsNode.isEmpty() || itemsNode.size() > MAX_TILL_ITEMS) {
            read.error("items", "must be a list of 1 to " + MAX_TILL_ITEMS + " items");
        } else {
            for (int i = 0; i < itemsNode.size(); i++) {
                JsonNode item = itemsNode.get(i);
                FieldReader itemRead = read.nested("items[" + i + "]");
                if (!item.isObject()) {
                    itemRead.error("", "must be an object {sku, quantity, unitPrice, currency}");
                    continue;
                }
                String sku = itemRead.text(item, "sku", ID_LENGTH, true);
                Integer quantity = itemRead.integer(item, "quantity", 1, 999);
                String currency = itemRead.currency(item, "currency");
                BigDecimal price = itemRead.amount(item, "unitPrice", currency, false);
                if (sku != null && quantity != null && currency != null && price != null) {
                    items.add(new TillItem(sku, quantity, price, currency));
                }
            }
        }
        return (c, tp, id) -> new RecordInStorePurchase(c, tp, id, orderId, storeId, items, promoCode);
    }

    private static boolean isChannel(String name) {
        for (Channel channel : Channel.values()) {
            if (channel.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
