package io.journeyengine.journey.promotion;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.JourneyEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * {@code code} of promotion {@code promotionId}, sent on {@code sentVia}, reached {@code expiresAt} unused. A purchase
 * that happened before {@code expiresAt} but is reported later may still redeem it (business time decides), which
 * undoes the expiry.
 */
@Revision("1")
public record PromoCodeExpired(String customerId, String promotionId, String code, Channel sentVia, Instant expiresAt)
        implements JourneyEvent {
}
