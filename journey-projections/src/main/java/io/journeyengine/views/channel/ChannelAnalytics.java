package io.journeyengine.views.channel;

import io.journeyengine.journey.Channel;
import io.journeyengine.views.support.Counters;

import java.util.ArrayList;
import java.util.List;

import static io.journeyengine.views.channel.ChannelContribution.CHANNELS;
import static io.journeyengine.views.channel.ChannelContribution.SWITCHES;

/**
 * The answer of {@code GET /api/analytics/channels}: channels with at least one touchpoint, in {@link Channel}
 * order, and the non-zero switches ordered by {@code from}, then {@code to}.
 */
public record ChannelAnalytics(List<ChannelFigures> channels, List<ChannelSwitch> switches) {

    public record ChannelFigures(Channel channel, long touchpoints, long customers, long firstTouchConversions,
                                 long lastTouchConversions) {
    }

    public record ChannelSwitch(Channel from, Channel to, long count) {
    }

    static ChannelAnalytics from(Counters figures) {
        List<ChannelFigures> channels = new ArrayList<>();
        List<ChannelSwitch> switches = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            List<String> key = List.of(channel.name());
            long touchpoints = figures.get(CHANNELS, key, "touchpoints");
            if (touchpoints > 0) {
                channels.add(new ChannelFigures(channel, touchpoints, figures.get(CHANNELS, key, "customers"),
                                                figures.get(CHANNELS, key, "first_touch_conversions"),
                                                figures.get(CHANNELS, key, "last_touch_conversions")));
            }
            for (Channel to : Channel.values()) {
                long count = figures.get(SWITCHES, List.of(channel.name(), to.name()), "switches");
                if (count > 0) {
                    switches.add(new ChannelSwitch(channel, to, count));
                }
            }
        }
        return new ChannelAnalytics(channels, switches);
    }
}
