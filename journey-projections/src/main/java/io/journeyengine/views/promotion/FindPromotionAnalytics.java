package io.journeyengine.views.promotion;

import io.journeyengine.views.support.TimeRange;

/**
 * Query: the figures of one promotion; with a {@code range}, sends counted by their {@code occurredAt} and
 * redemptions by their purchase's. Empty when the promotion was never issued.
 */
public record FindPromotionAnalytics(String promotionId, TimeRange range) {
}
