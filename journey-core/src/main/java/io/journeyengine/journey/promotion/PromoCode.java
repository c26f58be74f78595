package io.journeyengine.journey.promotion;

import io.journeyengine.journey.Channel;

import java.time.Instant;

/**
 * A personal code in the customer's wallet. {@code redemption} is null while the code is available.
 */
public record PromoCode(String promotionId, String code, Discount discount, ChannelScope validOn,
                        Instant expiresAt, Channel sentVia, Instant sentAt, Redemption redemption) {

    /** What channels write for "every channel" in {@code validChannels}. */
    public static final String ALL_CHANNELS = ChannelScope.ALL;

    /** When, where and with which order a code was used. */
    public record Redemption(Instant at, Channel via, String orderId, String touchpointId) {
    }

    public boolean validOn(Channel channel) {
        return validOn.allows(channel);
    }

    public boolean expiredAt(Instant instant) {
        return instant.isAfter(expiresAt);
    }

    PromoCode redeemed(Redemption redemption) {
        return new PromoCode(promotionId, code, discount, validOn, expiresAt, sentVia, sentAt, redemption);
    }
}
