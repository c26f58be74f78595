package io.journeyengine.views.journey;

import io.journeyengine.journey.Channel;
import io.journeyengine.views.support.Counters;
import io.journeyengine.views.support.TouchpointRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.journeyengine.views.journey.JourneyContribution.TOTALS;
import static org.assertj.core.api.Assertions.assertThat;

class JourneyContributionTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void aLateEarlierTouchpointMovesTheStartOfTheJourney() {
        JourneyContribution journey = JourneyContribution.NONE
                .plus(tp(1, 3600, Channel.WEB, false))
                .plus(tp(2, 7200, Channel.STORE, true))
                .plus(tp(3, 0, Channel.SMS, false));

        assertThat(journey.firstAt()).isEqualTo(T0);
        assertThat(journey.firstPurchaseAt()).isEqualTo(T0.plusSeconds(7200));
        assertThat(journey.timeToFirstPurchaseMillis()).isEqualTo(7_200_000L);
        assertThat(journey.channels()).containsExactly(Channel.SMS, Channel.WEB, Channel.STORE);
    }

    @Test
    void theFirstPurchaseIsTheEarliestInBusinessTime() {
        JourneyContribution journey = JourneyContribution.of(List.of(tp(1, 0, Channel.WEB, false),
                                                                     tp(2, 500, Channel.WEB, true),
                                                                     tp(3, 200, Channel.APP, true)));

        assertThat(journey.timeToFirstPurchaseMillis()).isEqualTo(200_000L);
    }

    @Test
    void figuresCountACustomerOmnichannelAndConvertedWithItsChannels() {
        Counters omni = JourneyContribution.of(List.of(tp(1, 0, Channel.SMS, false), tp(2, 9, Channel.WEB, true),
                                                       tp(3, 10, Channel.WEB, false))).figures();
        assertThat(omni.get(TOTALS, List.of("ALL"), "customers")).isEqualTo(1);
        assertThat(omni.get(TOTALS, List.of("ALL"), "omnichannel_customers")).isEqualTo(1);
        assertThat(omni.get(TOTALS, List.of("ALL"), "converted_customers")).isEqualTo(1);
        assertThat(omni.get(TOTALS, List.of("ALL"), "converted_customer_channels")).isEqualTo(2);

        Counters single = JourneyContribution.of(List.of(tp(1, 0, Channel.WEB, false))).figures();
        assertThat(single.get(TOTALS, List.of("ALL"), "customers")).isEqualTo(1);
        assertThat(single.get(TOTALS, List.of("ALL"), "omnichannel_customers")).isZero();
        assertThat(single.get(TOTALS, List.of("ALL"), "converted_customers")).isZero();

        assertThat(JourneyContribution.NONE.figures().total(TOTALS, "customers")).isZero();
    }

    @Test
    void channelsSurviveTheirStoredForm() {
        JourneyContribution journey = JourneyContribution.of(List.of(tp(1, 0, Channel.STORE, false),
                                                                     tp(2, 1, Channel.SMS, false)));

        assertThat(journey.channelNames()).isEqualTo("SMS,STORE");
        assertThat(JourneyContribution.channelsOf(journey.channelNames())).isEqualTo(journey.channels());
        assertThat(JourneyContribution.channelsOf("")).isEmpty();
    }

    private static TouchpointRow tp(long sequence, int seconds, Channel channel, boolean purchase) {
        return new TouchpointRow(sequence, T0.plusSeconds(seconds), channel, purchase);
    }
}
