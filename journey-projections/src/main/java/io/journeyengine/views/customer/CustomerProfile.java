package io.journeyengine.views.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.journeyengine.journey.Channel;
import io.journeyengine.journey.conversation.MessageDirection;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.lifecycle.LifecycleStage;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the customer-360 view knows of one customer. The HTTP answer ({@link Customer360}) adds the lifecycle view's
 * stage history, the cart view's cart and what depends on the time of the request (code status, next best action).
 *
 * @param channels channels used, in order of first use (by {@code occurredAt}, then arrival), with touchpoint counts
 */
public record CustomerProfile(String customerId, LifecycleStage stage, List<Identity> identities,
                              Map<Channel, Boolean> consents, List<ConsentChange> consentHistory,
                              List<Conversation> conversations,
                              List<PromoCode> promoCodes, List<Order> orders, List<ChannelUse> channels,
                              List<String> loyaltyProgrammes, List<MergedProfile> mergedProfiles) {

    /**
     * A profile merged into this customer: when, and the evidence (the type of the identity that proved them one
     * customer, and the touchpoint that linked it). Its identities, consents, conversations and channels are part of
     * this profile's; its codes, orders and cart lines moved here.
     */
    public record MergedProfile(String customerId, Instant mergedAt, String evidenceType, String touchpointId) {
    }

    public record ChannelUse(Channel channel, long touchpoints) {
    }

    /**
     * One marketing consent decision: for which channel, granted or withdrawn, when ({@code occurredAt}), the channel
     * that reported it and its touchpoint. The history holds every decision, late ones in their business-time place.
     */
    public record ConsentChange(Channel channel, boolean granted, Instant at, Channel reportedVia,
                                String touchpointId) {
    }

    /** A conversation: the channels it has been on (where it started, then each handover), oldest message first. */
    public record Conversation(String conversationId, String topic, List<Channel> channels, boolean open,
                               List<Message> messages) {
    }

    public record Message(MessageDirection direction, String text, Channel channel, Instant at) {
    }

    /** A code sent to the customer; {@code redeemedVia} is the channel of the purchase that used it, if in use. */
    public record PromoCode(String promotionId, String code, Channel sentVia, Instant expiresAt, Channel redeemedVia,
                            boolean expired) {

        /** A code without a recorded expiry ({@code expired} is whether a {@code PromoCodeExpired} was seen). */
        public PromoCode(String promotionId, String code, Channel sentVia, Instant expiresAt, Channel redeemedVia) {
            this(promotionId, code, sentVia, expiresAt, redeemedVia, false);
        }
    }

    /**
     * A purchase. {@code fulfilment} is {@code DELIVERY} or {@code STORE_PICKUP} for an online checkout and
     * {@code IN_STORE} for a till basket; money is a decimal string in the currency's minor units.
     */
    public record Order(String orderId, Channel channel, Instant placedAt, List<Item> items, String total,
                        String currency, @JsonInclude(JsonInclude.Include.NON_NULL) String promoCode,
                        String fulfilment, @JsonInclude(JsonInclude.Include.NON_NULL) String storeId,
                        boolean pickedUp, boolean returned) {
    }

    public record Item(String sku, int quantity, String unitPrice) {
    }

    /**
     * The channel to reach the customer on: of the channels with marketing consent granted (used or not), the one
     * with the most applied touchpoints; ties go to the earlier channel in {@link Channel}'s order. Null without any
     * granted consent.
     */
    public Channel preferredChannel() {
        Map<Channel, Long> used = new EnumMap<>(Channel.class);
        channels.forEach(use -> used.put(use.channel(), use.touchpoints()));
        Channel preferred = null;
        for (Channel channel : Channel.values()) {
            if (Boolean.TRUE.equals(consents.get(channel))
                    && (preferred == null || used.getOrDefault(channel, 0L) > used.getOrDefault(preferred, 0L))) {
                preferred = channel;
            }
        }
        return preferred;
    }
}
