package io.journeyengine.views.channel;

import io.journeyengine.views.support.TimeRange;

/** Query: the channel figures and the channel-switch matrix, for all time or as if only {@code range} existed. */
public record FindChannelAnalytics(TimeRange range) {
}
