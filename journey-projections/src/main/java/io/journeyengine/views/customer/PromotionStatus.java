package io.journeyengine.views.customer;

import java.time.Instant;

/**
 * Where a code stands for the customer at a given moment. EXPIRED is decided when the view is read, against the
 * engine's clock, so a code shows as expired from the moment its {@code expiresAt} has passed, before the expiry
 * deadline has fired and the view has seen its {@code PromoCodeExpired}; a recorded expiry counts too. Both say the
 * same once the deadline has fired: it fires at {@code expiresAt} on the same clock.
 */
public enum PromotionStatus {
    AVAILABLE, REDEEMED, EXPIRED;

    /**
     * A code in use is REDEEMED even after its expiry; an unused one is EXPIRED once {@code now} is after expiry or
     * its expiry was recorded.
     */
    public static PromotionStatus of(CustomerProfile.PromoCode code, Instant now) {
        if (code.redeemedVia() != null) {
            return REDEEMED;
        }
        // A purchase at exactly expiresAt is still accepted (PromoCodes.checkRedeemable), so the code is too.
        return code.expired() || now.isAfter(code.expiresAt()) ? EXPIRED : AVAILABLE;
    }
}
