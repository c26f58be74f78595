package io.journeyengine.views.journey;

import io.journeyengine.views.support.TimeRange;

/** Query: the journey figures, for all time or as if only the touchpoints in {@code range} existed. */
public record FindJourneyAnalytics(TimeRange range) {
}
