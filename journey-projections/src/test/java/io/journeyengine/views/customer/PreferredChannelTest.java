package io.journeyengine.views.customer;

import io.journeyengine.journey.Channel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.journeyengine.journey.Channel.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The preferred channel: the most used channel with marketing consent granted; ties by the Channel enum's order. */
class PreferredChannelTest {

    private static CustomerProfile profile(Map<Channel, Boolean> consents, CustomerProfile.ChannelUse... used) {
        return new CustomerProfile("c", null, List.of(), consents, List.of(), List.of(), List.of(), List.of(), List.of(used),
                                   List.of(), List.of());
    }

    private static CustomerProfile.ChannelUse used(Channel channel, long touchpoints) {
        return new CustomerProfile.ChannelUse(channel, touchpoints);
    }

    @Test
    void theMostUsedConsentedChannelWins() {
        assertThat(profile(Map.of(SMS, true, WHATSAPP, true), used(WEB, 9), used(SMS, 2), used(WHATSAPP, 3))
                           .preferredChannel()).isEqualTo(WHATSAPP);
    }

    @Test
    void aTieGoesToTheEarlierChannelOfTheEnum() {
        assertThat(profile(Map.of(EMAIL, true, SMS, true), used(EMAIL, 2), used(SMS, 2)).preferredChannel())
                .isEqualTo(SMS);
    }

    @Test
    void aConsentedChannelNeverUsedStillQualifies() {
        assertThat(profile(Map.of(EMAIL, true), used(WEB, 5)).preferredChannel()).isEqualTo(EMAIL);
        // … but loses to a consented channel that was used.
        assertThat(profile(Map.of(SMS, true, MESSENGER, true), used(MESSENGER, 1)).preferredChannel())
                .isEqualTo(MESSENGER);
    }

    @Test
    void noGrantedConsentMeansNoPreferredChannel() {
        assertThat(profile(Map.of(), used(WEB, 5)).preferredChannel()).isNull();
        assertThat(profile(Map.of(WEB, false), used(WEB, 5)).preferredChannel()).isNull();
    }
}
