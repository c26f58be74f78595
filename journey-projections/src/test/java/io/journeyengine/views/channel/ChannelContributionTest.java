package io.journeyengine.views.channel;

import io.journeyengine.journey.Channel;
import io.journeyengine.views.support.Counters;
import io.journeyengine.views.support.TouchpointRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.journeyengine.journey.Channel.APP;
import static io.journeyengine.journey.Channel.SMS;
import static io.journeyengine.journey.Channel.STORE;
import static io.journeyengine.journey.Channel.WEB;
import static io.journeyengine.journey.Channel.WHATSAPP;
import static io.journeyengine.views.channel.ChannelContribution.CHANNELS;
import static io.journeyengine.views.channel.ChannelContribution.SWITCHES;
import static org.assertj.core.api.Assertions.assertThat;

class ChannelContributionTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void theCanonicalJourneyCreditsSmsFirstAndTheTouchpointBeforeThePurchaseLast() {
        Counters figures = ChannelContribution.of(List.of(
                tp(1, 0, SMS, false), tp(2, 10, WHATSAPP, false), tp(3, 20, WEB, false), tp(4, 21, WEB, false),
                tp(5, 30, STORE, true), tp(6, 40, APP, false), tp(7, 50, SMS, false)));

        assertThat(figures.get(CHANNELS, List.of("SMS"), "touchpoints")).isEqualTo(2);
        assertThat(figures.get(CHANNELS, List.of("WEB"), "touchpoints")).isEqualTo(2);
        assertThat(figures.get(CHANNELS, List.of("SMS"), "customers")).isEqualTo(1);
        assertThat(figures.total(CHANNELS, "customers")).isEqualTo(5);
        assertThat(figures.get(CHANNELS, List.of("SMS"), "first_touch_conversions")).isEqualTo(1);
        assertThat(figures.total(CHANNELS, "first_touch_conversions")).isEqualTo(1);
        assertThat(figures.get(CHANNELS, List.of("WEB"), "last_touch_conversions")).isEqualTo(1);
        assertThat(figures.total(CHANNELS, "last_touch_conversions")).isEqualTo(1);
        assertThat(switches(figures)).containsExactly("SMS>WHATSAPP=1", "WHATSAPP>WEB=1", "WEB>STORE=1",
                                                      "APP>SMS=1", "STORE>APP=1");
    }

    @Test
    void aPurchaseWithNothingBeforeItIsItsOwnLastTouchAndOnlyTheFirstPurchaseCounts() {
        Counters figures = ChannelContribution.of(List.of(tp(1, 0, STORE, true), tp(2, 5, WEB, true)));

        assertThat(figures.get(CHANNELS, List.of("STORE"), "first_touch_conversions")).isEqualTo(1);
        assertThat(figures.get(CHANNELS, List.of("STORE"), "last_touch_conversions")).isEqualTo(1);
        assertThat(figures.total(CHANNELS, "last_touch_conversions")).isEqualTo(1);
    }

    @Test
    void aCustomerWithoutPurchaseHasNoConversionCredits() {
        Counters figures = ChannelContribution.of(List.of(tp(1, 0, SMS, false), tp(2, 5, WEB, false)));

        assertThat(figures.total(CHANNELS, "first_touch_conversions")).isZero();
        assertThat(figures.total(CHANNELS, "last_touch_conversions")).isZero();
        assertThat(figures.total(CHANNELS, "customers")).isEqualTo(2);
    }

    @Test
    void everySwitchIsCountedAndTouchpointsInOneChannelAreNot() {
        Counters figures = ChannelContribution.of(List.of(tp(1, 0, SMS, false), tp(2, 1, WEB, false),
                                                          tp(3, 2, WEB, false), tp(4, 3, SMS, false),
                                                          tp(5, 4, WEB, false)));

        assertThat(switches(figures)).containsExactly("SMS>WEB=2", "WEB>SMS=1");
    }

    @Test
    void aLateTouchpointMovesSwitchesAndLastTouch() {
        List<TouchpointRow> before = List.of(tp(1, 0, SMS, false), tp(2, 60, WEB, true));
        // Arrives third, happened in between: SMS -> APP -> WEB(purchase).
        List<TouchpointRow> after = new ArrayList<>(before);
        after.add(tp(3, 30, APP, false));
        after.sort(TouchpointRow.JOURNEY_ORDER);

        Counters change = new Counters();
        change.addAll(ChannelContribution.of(before), -1);
        change.addAll(ChannelContribution.of(after), 1);

        assertThat(switches(change)).containsExactly("SMS>WEB=-1", "SMS>APP=1", "APP>WEB=1");
        assertThat(change.get(CHANNELS, List.of("SMS"), "last_touch_conversions")).isEqualTo(-1);
        assertThat(change.get(CHANNELS, List.of("APP"), "last_touch_conversions")).isEqualTo(1);
        assertThat(change.get(CHANNELS, List.of("SMS"), "first_touch_conversions")).isZero();
        assertThat(change.get(CHANNELS, List.of("APP"), "customers")).isEqualTo(1);
        assertThat(change.get(CHANNELS, List.of("APP"), "touchpoints")).isEqualTo(1);
        assertThat(change.total(CHANNELS, "touchpoints")).isEqualTo(1);
    }

    @Test
    void touchpointsAtTheSameTimeAreOrderedByArrival() {
        List<TouchpointRow> journey = new ArrayList<>(List.of(tp(2, 0, WEB, true), tp(1, 0, SMS, false)));
        journey.sort(TouchpointRow.JOURNEY_ORDER);

        Counters figures = ChannelContribution.of(journey);

        assertThat(figures.get(CHANNELS, List.of("SMS"), "last_touch_conversions")).isEqualTo(1);
        assertThat(switches(figures)).containsExactly("SMS>WEB=1");
    }

    private static TouchpointRow tp(long sequence, int minutes, Channel channel, boolean purchase) {
        return new TouchpointRow(sequence, T0.plusSeconds(60L * minutes), channel, purchase);
    }

    /** Non-zero switches as "FROM>TO=n", in Channel order. */
    private static List<String> switches(Counters figures) {
        List<String> out = new ArrayList<>();
        for (Channel from : Channel.values()) {
            for (Channel to : Channel.values()) {
                long n = figures.get(SWITCHES, List.of(from.name(), to.name()), "switches");
                if (n != 0) {
                    out.add(from + ">" + to + "=" + n);
                }
            }
        }
        return out;
    }
}
