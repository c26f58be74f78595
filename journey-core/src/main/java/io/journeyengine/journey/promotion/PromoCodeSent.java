package io.journeyengine.journey.promotion;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The customer received {@code code} for promotion {@code promotionId} via {@code touchpoint.channel}, redeemable
 * where {@code validOn} says.
 * <p>
 * Revision 2. Revision 1 (stored with revision null or "1") had {@code validChannels}: a list of channel names in
 * which the word {@code "ALL"} meant every channel; {@code PromoCodeSentUpcaster} (journey-api) turns it into
 * {@code validOn}.
 */
@Revision("2")
public record PromoCodeSent(String customerId, Touchpoint touchpoint, String promotionId, String code,
                            Discount discount, ChannelScope validOn, Instant expiresAt)
        implements TouchpointEvent {
}
