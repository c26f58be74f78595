package io.journeyengine.journey.promotion;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointCommand;
import io.journeyengine.journey.identity.Identity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * PROMO_CODE_SENT: a channel sent the customer a personal code for a promotion. {@code validChannels} holds channel
 * names, or {@code "ALL"} for an omnichannel code.
 */
public record SendPromoCode(@TargetAggregateIdentifier String customerId, Touchpoint touchpoint, Identity addressedBy,
                            String promotionId, String code, Discount discount, List<String> validChannels,
                            Instant expiresAt) implements TouchpointCommand {
}
