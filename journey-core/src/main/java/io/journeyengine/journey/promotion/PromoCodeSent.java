package io.journeyengine.journey.promotion;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;

import java.time.Instant;
import java.util.List;

/** The customer received {@code code} for promotion {@code promotionId} via {@code touchpoint.channel}. */
public record PromoCodeSent(String customerId, Touchpoint touchpoint, String promotionId, String code,
                            Discount discount, List<String> validChannels, Instant expiresAt)
        implements TouchpointEvent {
}
