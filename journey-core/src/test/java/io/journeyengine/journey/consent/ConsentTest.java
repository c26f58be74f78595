package io.journeyengine.journey.consent;

import io.journeyengine.journey.RuleCode;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.lifecycle.StageRule;
import io.journeyengine.journey.promotion.Discount;
import io.journeyengine.journey.promotion.SendPromoCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.journeyengine.journey.Channel.EMAIL;
import static io.journeyengine.journey.Channel.SMS;
import static io.journeyengine.journey.Channel.WEB;
import static io.journeyengine.journey.JourneyFixtures.*;

/** CONSENT_CHANGED, and marketing sends that need it. */
class ConsentTest {

    private static final Instant EXPIRES = at(24 * 60);

    private static SendPromoCode sendCode(Touchpoint tp) {
        return new SendPromoCode(CUSTOMER, tp, null, "winter-10", "WIN-8K2P", Discount.percent(BigDecimal.TEN),
                                 List.of("ALL"), EXPIRES);
    }

    private static ConsentChanged consentWithdrawn(Touchpoint tp, io.journeyengine.journey.Channel channel) {
        return new ConsentChanged(CUSTOMER, tp, channel, false);
    }

    @Test
    void grantingConsentIsRecorded() {
        Touchpoint grant = tp("tp-1", WEB, 0);
        fixture().givenNoPriorActivity()
                 .when(grantConsent(grant, SMS))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(started(grant), consentGranted(grant, SMS),
                               advanced(grant, null, StageRule.CONSENT_GRANTED));
    }

    @Test
    void withdrawingConsentIsRecorded() {
        Touchpoint grant = tp("tp-1", WEB, 0);
        Touchpoint withdraw = tp("tp-2", SMS, 10);
        fixture().given(started(grant), consentGranted(grant, SMS), advanced(grant, null, StageRule.CONSENT_GRANTED))
                 .when(new ChangeConsent(CUSTOMER, withdraw, null, SMS, false))
                 .expectEvents(consentWithdrawn(withdraw, SMS));
    }

    @Test
    void aCodeCannotBeSentWithoutConsent() {
        fixture().givenNoPriorActivity()
                 .when(sendCode(tp("tp-1", SMS, 0)))
                 .expectException(violation(RuleCode.CONSENT_REQUIRED, Map.of("channel", "SMS")))
                 .expectNoEvents();
    }

    @Test
    void aCodeCannotBeSentAfterConsentWasWithdrawn() {
        Touchpoint grant = tp("tp-1", WEB, 0);
        Touchpoint withdraw = tp("tp-2", SMS, 10);
        fixture().given(started(grant), consentGranted(grant, SMS), advanced(grant, null, StageRule.CONSENT_GRANTED),
                        consentWithdrawn(withdraw, SMS))
                 .when(sendCode(tp("tp-3", SMS, 20)))
                 .expectException(violation(RuleCode.CONSENT_REQUIRED, Map.of("channel", "SMS")))
                 .expectNoEvents();
    }

    @Test
    void consentOnAnotherChannelDoesNotAllowASend() {
        Touchpoint grant = tp("tp-1", WEB, 0);
        fixture().given(started(grant), consentGranted(grant, EMAIL),
                        advanced(grant, null, StageRule.CONSENT_GRANTED))
                 .when(sendCode(tp("tp-2", SMS, 20)))
                 .expectException(violation(RuleCode.CONSENT_REQUIRED, Map.of("channel", "SMS")))
                 .expectNoEvents();
    }

    @Test
    void aLateArrivingOlderWithdrawalDoesNotOverrideANewerGrant() {
        Touchpoint grant = tp("tp-1", WEB, 10);
        Touchpoint olderWithdrawal = tp("tp-2", SMS, 5);
        Touchpoint send = tp("tp-3", SMS, 20);
        fixture().given(started(grant), consentGranted(grant, SMS), advanced(grant, null, StageRule.CONSENT_GRANTED),
                        consentWithdrawn(olderWithdrawal, SMS))
                 .when(sendCode(send))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(codeSent(send, "WIN-8K2P", List.of("ALL"), EXPIRES));
    }

    @Test
    void aLateArrivingOlderGrantDoesNotOverrideANewerWithdrawal() {
        Touchpoint withdraw = tp("tp-1", SMS, 10);
        Touchpoint olderGrant = tp("tp-2", WEB, 5);
        fixture().given(started(withdraw), consentWithdrawn(withdraw, SMS),
                        advanced(withdraw, null, StageRule.ANY_TOUCHPOINT),
                        consentGranted(olderGrant, SMS),
                        advanced(olderGrant, io.journeyengine.journey.lifecycle.LifecycleStage.REACH,
                                 StageRule.CONSENT_GRANTED))
                 .when(sendCode(tp("tp-3", SMS, 20)))
                 .expectException(violation(RuleCode.CONSENT_REQUIRED))
                 .expectNoEvents();
    }
}
