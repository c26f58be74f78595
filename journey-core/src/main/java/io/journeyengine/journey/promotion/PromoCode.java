package io.journeyengine.journey.promotion;

import io.journeyengine.journey.Channel;

import java.time.Instant;
import java.util.List;

/**
 * A personal code in the customer's wallet. {@code redemption} is null while the code is available.
 */
public record PromoCode(String promotionId, String code, Discount discount, List<String> validChannels,
                        Instant expiresAt, Channel sentVia, Instant sentAt, Redemption redemption) {

    public static final String ALL_CHANNELS = "ALL";

    /** When, where and with which order a code was used. */
    public record Redemption(Instant at, Channel via, String orderId, String touchpointId) {
    }

    public boolean validOn(Channel channel) {
        return validChannels.contains(ALL_CHANNELS) || validChannels.contains(channel.name());
    }

    public boolean expiredAt(Instant instant) {
        return instant.isAfter(expiresAt);
    }

    PromoCode redeemed(Redemption redemption) {
        return new PromoCode(promotionId, code, discount, validChannels, expiresAt, sentVia, sentAt, redemption);
    }
}
