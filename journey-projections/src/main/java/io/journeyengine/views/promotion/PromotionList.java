package io.journeyengine.views.promotion;

import java.util.List;

/** The answer of {@code GET /api/analytics/promotions}: every promotion ever issued, ordered by its id. */
public record PromotionList(List<PromotionAnalytics> promotions) {
}
