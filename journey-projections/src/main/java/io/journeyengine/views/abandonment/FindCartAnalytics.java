package io.journeyengine.views.abandonment;

import io.journeyengine.views.support.TimeRange;

/** Query: abandoned-cart figures, each event counted by its own time when a {@code range} is given. */
public record FindCartAnalytics(TimeRange range) {
}
