package io.journeyengine.journey.promotion;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.lifecycle.StageRule;
import io.journeyengine.journey.order.RecordOrderReturn;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.journeyengine.journey.Channel.EMAIL;
import static io.journeyengine.journey.Channel.SMS;
import static io.journeyengine.journey.Channel.STORE;
import static io.journeyengine.journey.JourneyFixtures.*;
import static org.axonframework.test.matchers.Matchers.listWithAnyOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

/**
 * An unused code expires by itself once its expiresAt has passed (a deadline); using it cancels that, and a full
 * return that gives the code back while it is still valid makes it wait for its expiry again.
 */
class PromoCodeExpiryTest {

    private static final Instant EXPIRES = at(2 * 24 * 60);
    private final Touchpoint consent = tp("tp-consent", SMS, 0);
    private final Touchpoint send = tp("tp-send", SMS, 10);

    private SendPromoCode sendCode(Touchpoint tp, String code) {
        return new SendPromoCode(CUSTOMER, tp, null, "winter-10", code, Discount.percent(BigDecimal.TEN),
                                 List.of("ALL"), EXPIRES);
    }

    private PromoCodeExpiryDue due(String code, Touchpoint sentBy) {
        return new PromoCodeExpiryDue(code, EXPIRES, sentBy.id());
    }

    private PromoCodeExpired expired(String code) {
        return new PromoCodeExpired(CUSTOMER, "winter-10", code, SMS, EXPIRES);
    }

    @Test
    void sendingACodeSchedulesItsExpiryJustAfterExpiresAt() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(consent, SMS))
                 .when(sendCode(send, "WIN-8K2P"))
                 .expectScheduledDeadline(EXPIRES.plusMillis(1), due("WIN-8K2P", send))
                 .expectScheduledDeadlineWithName(EXPIRES.plusMillis(1), "promo-expiry:WIN-8K2P");
    }

    @Test
    void anUnusedCodeExpiresByItself() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(consent, SMS), sendCode(send, "WIN-8K2P"))
                 .whenThenTimeAdvancesTo(EXPIRES.plusSeconds(1))
                 .expectDeadlinesMet(due("WIN-8K2P", send))
                 .expectEvents(expired("WIN-8K2P"))
                 .expectNoScheduledDeadlines();
    }

    @Test
    void aCodeIsStillValidAtItsExpiryInstant() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(consent, SMS), sendCode(send, "WIN-8K2P"))
                 .whenThenTimeAdvancesTo(EXPIRES)
                 .expectNoEvents();
    }

    @Test
    void redeemingTheCodeCancelsItsExpiry() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(consent, SMS), sendCode(send, "WIN-8K2P"))
                 .when(buyInStore(tp("tp-till", STORE, 60), "till-1", "20.00", "WIN-8K2P"))
                 .expectSuccessfulHandlerExecution()
                 .expectNoScheduledDeadlines();
    }

    @Test
    void eachCodeWaitsForItsOwnExpiry() {
        Touchpoint second = tp("tp-send-2", SMS, 20);
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(consent, SMS), sendCode(send, "WIN-8K2P"), sendCode(second, "WIN-2"))
                 .when(buyInStore(tp("tp-till", STORE, 60), "till-1", "20.00", "WIN-8K2P"))
                 .expectNoScheduledDeadlineWithName(EXPIRES.plusMillis(1), "promo-expiry:WIN-8K2P")
                 .expectScheduledDeadline(EXPIRES.plusMillis(1), due("WIN-2", second));
    }

    @Test
    void aFullReturnThatGivesTheCodeBackReschedulesItsExpiry() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(consent, SMS), sendCode(send, "WIN-8K2P"),
                                   buyInStore(tp("tp-till", STORE, 60), "till-1", "20.00", "WIN-8K2P"))
                 .when(new RecordOrderReturn(CUSTOMER, tp("tp-return", STORE, 24 * 60), null, "till-1", "store-1",
                                             "too small"))
                 .expectSuccessfulHandlerExecution()
                 .expectEventsMatching(payloadsMatching(
                         listWithAnyOf(
                                 matches(
                                         p -> p instanceof PromoCodeReinstated))))
                 .expectScheduledDeadline(EXPIRES.plusMillis(1), due("WIN-8K2P", send));
    }

    @Test
    void aReinstatedCodeExpiresWhenItsTimeComes() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(consent, SMS), sendCode(send, "WIN-8K2P"),
                                   buyInStore(tp("tp-till", STORE, 60), "till-1", "20.00", "WIN-8K2P"),
                                   new RecordOrderReturn(CUSTOMER, tp("tp-return", STORE, 24 * 60), null, "till-1",
                                                         "store-1", "too small"))
                 .whenThenTimeAdvancesTo(EXPIRES.plus(Duration.ofHours(1)))
                 .expectEvents(expired("WIN-8K2P"));
    }

    @Test
    void aReturnAfterTheExpiryGivesNothingBackAndSchedulesNothing() {
        fixture().givenCurrentTime(T0)
                 .andGivenCommands(grantConsent(consent, SMS), sendCode(send, "WIN-8K2P"),
                                   buyInStore(tp("tp-till", STORE, 60), "till-1", "20.00", "WIN-8K2P"))
                 .when(new RecordOrderReturn(CUSTOMER, tp("tp-return", STORE, 3 * 24 * 60), null, "till-1",
                                             "store-1", "too small"))
                 .expectSuccessfulHandlerExecution()
                 .expectNoScheduledDeadlines();
    }

    @Test
    void aPurchaseInTimeReportedAfterTheExpiryStillUsesTheCode() {
        // The till was offline: the purchase happened before expiresAt and is judged then.
        fixture().given(started(consent), consentGranted(consent, SMS),
                        advanced(consent, null, StageRule.CONSENT_GRANTED),
                        codeSent(send, "WIN-8K2P", List.of("ALL"), EXPIRES), expired("WIN-8K2P"))
                 .when(buyInStore(tp("tp-till", STORE, 60), "till-1", "20.00", "WIN-8K2P"))
                 .expectSuccessfulHandlerExecution()
                 .expectEventsMatching(payloadsMatching(
                         listWithAnyOf(
                                 matches(
                                         p -> p instanceof PromoCodeRedeemed))))
                 .expectNoScheduledDeadlines();
    }

    @Test
    void anExpiredCodeWaitsForNothing() {
        fixture().given(started(consent), consentGranted(consent, SMS),
                        advanced(consent, null, StageRule.CONSENT_GRANTED),
                        codeSent(send, "WIN-8K2P", List.of("ALL"), EXPIRES), expired("WIN-8K2P"))
                 .when(grantConsent(tp("tp-email", EMAIL, 100), EMAIL))
                 .expectNoScheduledDeadlines();
    }
}
