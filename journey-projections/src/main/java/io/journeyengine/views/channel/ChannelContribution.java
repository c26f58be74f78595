package io.journeyengine.views.channel;

import io.journeyengine.journey.Channel;
import io.journeyengine.views.support.CounterTable;
import io.journeyengine.views.support.Counters;
import io.journeyengine.views.support.TouchpointRow;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one customer adds to the channel figures, from its touchpoints in journey order (DESIGN.md "Read side"):
 * its touchpoints per channel, 1 customer per channel used, for a converted customer a first-touch credit (the
 * channel of its first touchpoint) and a last-touch credit (the channel of the touchpoint just before its first
 * purchase, or the purchase's own when nothing precedes it), and one switch per pair of consecutive touchpoints in
 * different channels. A pure function: the view subtracts a customer's old contribution and adds its new one when
 * a (possibly late) touchpoint arrives, and sums the contributions of the touchpoints in a time range.
 */
final class ChannelContribution {

    static final CounterTable CHANNELS = new CounterTable("channel_stats", List.of("channel"),
            List.of("touchpoints", "customers", "first_touch_conversions", "last_touch_conversions"));
    static final CounterTable SWITCHES = new CounterTable("channel_switch_stats",
            List.of("from_channel", "to_channel"), List.of("switches"));

    private ChannelContribution() {
    }

    static Counters of(List<TouchpointRow> journey) {
        Counters figures = new Counters();
        Set<Channel> used = EnumSet.noneOf(Channel.class);
        int firstPurchase = -1;
        for (int i = 0; i < journey.size(); i++) {
            Channel channel = journey.get(i).channel();
            figures.add(CHANNELS, channel.name(), "touchpoints", 1);
            used.add(channel);
            Channel previous = i == 0 ? channel : journey.get(i - 1).channel();
            if (previous != channel) {
                figures.add(SWITCHES, List.of(previous.name(), channel.name()), "switches", 1);
            }
            if (firstPurchase < 0 && journey.get(i).purchase()) {
                firstPurchase = i;
            }
        }
        used.forEach(channel -> figures.add(CHANNELS, channel.name(), "customers", 1));
        if (firstPurchase >= 0) {
            figures.add(CHANNELS, journey.get(0).channel().name(), "first_touch_conversions", 1);
            figures.add(CHANNELS, journey.get(Math.max(0, firstPurchase - 1)).channel().name(),
                        "last_touch_conversions", 1);
        }
        return figures;
    }
}
