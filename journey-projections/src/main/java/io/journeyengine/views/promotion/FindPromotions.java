package io.journeyengine.views.promotion;

import io.journeyengine.views.support.TimeRange;

/**
 * Query: the figures of every promotion ever issued, ordered by promotion id, each as {@link FindPromotionAnalytics}
 * answers it (with a {@code range}, a promotion without activity in it is listed with zeros).
 */
public record FindPromotions(TimeRange range) {
}
