package io.journeyengine.journey.promotion;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.JourneyEvent;
import io.journeyengine.journey.Touchpoint;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

/**
 * A code was used with purchase {@code orderId}: {@code touchpoint} is that purchase, {@code sentVia} the channel the
 * code was sent on, so a code sent by SMS and redeemed at the till is a cross-channel redemption.
 */
@Revision("1")
public record PromoCodeRedeemed(String customerId, Touchpoint touchpoint, String promotionId, String code,
                                String orderId, Channel sentVia, BigDecimal discount, String currency)
        implements JourneyEvent {
}
