package io.journeyengine.views.customer;

import io.journeyengine.journey.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A code's status at the time of reading: used codes are REDEEMED, unused ones EXPIRED once expiresAt has passed. */
class PromotionStatusTest {

    private static final Instant EXPIRY = Instant.parse("2026-12-31T23:59:59Z");

    private static CustomerProfile.PromoCode code(Channel redeemedVia) {
        return new CustomerProfile.PromoCode("winter-10", "WIN-8K2P", Channel.SMS, EXPIRY, redeemedVia);
    }

    @Test
    void anUnusedCodeIsAvailableUpToAndIncludingItsExpiry() {
        assertThat(PromotionStatus.of(code(null), EXPIRY.minusSeconds(1))).isEqualTo(PromotionStatus.AVAILABLE);
        assertThat(PromotionStatus.of(code(null), EXPIRY)).isEqualTo(PromotionStatus.AVAILABLE);
        assertThat(PromotionStatus.of(code(null), EXPIRY.plusMillis(1))).isEqualTo(PromotionStatus.EXPIRED);
    }

    @Test
    void aRecordedExpiryMakesTheCodeExpiredWhateverTheClockSays() {
        CustomerProfile.PromoCode expired = new CustomerProfile.PromoCode("winter-10", "WIN-8K2P", Channel.SMS, EXPIRY,
                                                                          null, true);
        assertThat(PromotionStatus.of(expired, EXPIRY.minusSeconds(1))).isEqualTo(PromotionStatus.EXPIRED);
        assertThat(PromotionStatus.of(expired, EXPIRY.plusSeconds(1))).isEqualTo(PromotionStatus.EXPIRED);
    }

    @Test
    void aUsedCodeStaysRedeemedAfterItsExpiry() {
        assertThat(PromotionStatus.of(code(Channel.STORE), EXPIRY.minusSeconds(1))).isEqualTo(PromotionStatus.REDEEMED);
        assertThat(PromotionStatus.of(code(Channel.STORE), EXPIRY.plusSeconds(1))).isEqualTo(PromotionStatus.REDEEMED);
    }
}
