package io.journeyengine.views.journey;

import io.journeyengine.journey.Channel;
import io.journeyengine.views.support.CounterTable;
import io.journeyengine.views.support.Counters;
import io.journeyengine.views.support.TouchpointRow;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one customer's journey adds to the journey figures. Unlike the channel figures these do not depend on the
 * order of the touchpoints, only on their set: the earliest touchpoint, the earliest purchase and the channels
 * used. So a late touchpoint is folded in with {@link #plus} without reading the customer's other touchpoints.
 *
 * @param firstAt         {@code occurredAt} of the first touchpoint; null before any
 * @param firstPurchaseAt {@code occurredAt} of the first purchase; null for a customer who has not bought
 * @param channels        the distinct channels of all its touchpoints
 */
record JourneyContribution(Instant firstAt, Instant firstPurchaseAt, Set<Channel> channels) {

    static final CounterTable TOTALS = new CounterTable("journey_stats", List.of("scope"),
            List.of("customers", "omnichannel_customers", "converted_customers", "converted_customer_channels"));
    static final String ALL = "ALL";

    static final JourneyContribution NONE = new JourneyContribution(null, null, Set.of());

    JourneyContribution {
        channels = Collections.unmodifiableSet(channels.isEmpty() ? EnumSet.noneOf(Channel.class)
                                                                  : EnumSet.copyOf(channels));
    }

    static JourneyContribution of(List<TouchpointRow> touchpoints) {
        JourneyContribution journey = NONE;
        for (TouchpointRow touchpoint : touchpoints) {
            journey = journey.plus(touchpoint);
        }
        return journey;
    }

    JourneyContribution plus(TouchpointRow touchpoint) {
        Set<Channel> used = EnumSet.of(touchpoint.channel());
        used.addAll(channels);
        return new JourneyContribution(earliest(firstAt, touchpoint.occurredAt()),
                                       touchpoint.purchase() ? earliest(firstPurchaseAt, touchpoint.occurredAt())
                                                             : firstPurchaseAt,
                                       used);
    }

    boolean converted() {
        return firstPurchaseAt != null;
    }

    /** First purchase − first touchpoint, both to the millisecond; null for a customer who has not bought. */
    Long timeToFirstPurchaseMillis() {
        return converted() ? firstPurchaseAt.toEpochMilli() - firstAt.toEpochMilli() : null;
    }

    /**
     * Its share of {@code journey_stats} (a customer, omnichannel or not, converted with its channel count) and, when
     * converted, of its time-to-first-purchase bucket.
     */
    Counters figures() {
        Counters figures = new Counters();
        if (!channels.isEmpty()) {
            figures.add(TOTALS, ALL, "customers", 1);
            figures.add(TOTALS, ALL, "omnichannel_customers", channels.size() >= 2 ? 1 : 0);
        }
        if (converted()) {
            figures.add(TOTALS, ALL, "converted_customers", 1);
            figures.add(TOTALS, ALL, "converted_customer_channels", channels.size());
            figures.add(PurchaseTimeBuckets.TABLE, PurchaseTimeBuckets.key(
                    PurchaseTimeBuckets.of(timeToFirstPurchaseMillis())), "customers", 1);
        }
        return figures;
    }

    /** The channels as stored: names, comma-separated. */
    String channelNames() {
        return channels.stream().map(Channel::name).collect(Collectors.joining(","));
    }

    static Set<Channel> channelsOf(String names) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (names != null && !names.isEmpty()) {
            Arrays.stream(names.split(",")).map(Channel::valueOf).forEach(channels::add);
        }
        return channels;
    }

    private static Instant earliest(Instant known, Instant candidate) {
        return known == null || candidate.isBefore(known) ? candidate : known;
    }
}
