package io.journeyengine.journey.promotion;

import io.journeyengine.journey.RuleCode;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.journey.lifecycle.StageRule;
import io.journeyengine.journey.order.CheckoutCompleted;
import io.journeyengine.journey.order.CompleteCheckout;
import io.journeyengine.journey.order.Fulfilment;
import io.journeyengine.journey.order.InStorePurchaseMade;
import io.journeyengine.journey.conversation.ConversationMessageLogged;
import io.journeyengine.journey.conversation.ConversationStarted;
import io.journeyengine.journey.conversation.MessageDirection;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.identity.IdentityCaptured;
import io.journeyengine.journey.identity.IdentityType;
import io.journeyengine.journey.order.OrderLine;
import io.journeyengine.journey.order.RecordInStorePurchase;
import io.journeyengine.journey.order.TillItem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.journeyengine.journey.Channel.APP;
import static io.journeyengine.journey.Channel.SMS;
import static io.journeyengine.journey.Channel.STORE;
import static io.journeyengine.journey.Channel.WEB;
import static io.journeyengine.journey.Channel.WHATSAPP;
import static io.journeyengine.journey.JourneyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** PROMO_CODE_SENT, and the codes redeemed with purchases in any channel. */
class PromoCodeRedemptionTest {

    private static final String CODE = "WIN-8K2P";
    private static final Instant EXPIRES = at(24 * 60);

    private final Touchpoint consent = tp("tp-1", SMS, 0);
    private final Touchpoint sent = tp("tp-2", SMS, 1);

    /** Consent to SMS marketing, then {@link #CODE} (10 %) sent by SMS, valid on {@code validChannels}. */
    private Object[] codeSentBySms(List<String> validChannels, Instant expiresAt) {
        return new Object[]{started(consent), consentGranted(consent, SMS),
                advanced(consent, null, StageRule.CONSENT_GRANTED),
                codeSent(sent, CODE, validChannels, expiresAt)};
    }

    private Object[] omnichannelCodeSentBySms() {
        return codeSentBySms(List.of(PromoCode.ALL_CHANNELS), EXPIRES);
    }

    private static InStorePurchaseMade tillBasketWithCode(Touchpoint tp, String orderId) {
        return new InStorePurchaseMade(CUSTOMER, tp, orderId, "store-1",
                                       List.of(new OrderLine("TILL-1", 1, new BigDecimal("50.00"))), "EUR",
                                       new BigDecimal("50.00"), new BigDecimal("5.00"), new BigDecimal("45.00"), CODE);
    }

    private static PromoCodeRedeemed redeemed(Touchpoint tp, String orderId, String discount) {
        return new PromoCodeRedeemed(CUSTOMER, tp, "winter-10", CODE, orderId, SMS, new BigDecimal(discount), "EUR");
    }

    @Test
    void aCodeIsSentOnAConsentedChannel() {
        fixture().given(started(consent), consentGranted(consent, SMS),
                        advanced(consent, null, StageRule.CONSENT_GRANTED))
                 .when(new SendPromoCode(CUSTOMER, sent, null, "winter-10", CODE, Discount.percent(BigDecimal.TEN),
                                         List.of("ALL"), EXPIRES))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(codeSent(sent, CODE, List.of("ALL"), EXPIRES));
    }

    @Test
    void aCodeIsStoredTheWayACashierReadsIt() {
        fixture().given(started(consent), consentGranted(consent, SMS),
                        advanced(consent, null, StageRule.CONSENT_GRANTED))
                 .when(new SendPromoCode(CUSTOMER, sent, null, "winter-10", "  win-8k2p ",
                                         Discount.percent(BigDecimal.TEN), List.of("ALL"), EXPIRES))
                 .expectEvents(codeSent(sent, CODE, List.of("ALL"), EXPIRES));
    }

    @Test
    void sendingTheSameCodeTwiceIsRefused() {
        Touchpoint again = tp("tp-3", SMS, 2);
        fixture().given(omnichannelCodeSentBySms())
                 .when(new SendPromoCode(CUSTOMER, again, null, "winter-10", "win-8k2p",
                                         Discount.percent(BigDecimal.TEN), List.of("ALL"), EXPIRES))
                 .expectException(violation(RuleCode.PROMO_CODE_EXISTS, Map.of("promoCode", CODE)))
                 .expectNoEvents();
        assertThat(RuleCode.PROMO_CODE_EXISTS.conflict).isTrue();
    }

    @Test
    void anSmsCodeIsAcceptedAtTheTill() {
        Touchpoint till = tp("tp-3", STORE, 120);
        fixture().given(omnichannelCodeSentBySms())
                 .when(buyInStore(till, "till-1", "50.00", CODE))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(tillBasketWithCode(till, "till-1"),
                               redeemed(till, "till-1", "5.00"),
                               advanced(till, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE));
    }

    @Test
    void aCodeTypedInLowerCaseWithBlanksIsRecognisedAtTheTill() {
        Touchpoint till = tp("tp-3", STORE, 120);
        fixture().given(omnichannelCodeSentBySms())
                 .when(buyInStore(till, "till-1", "50.00", " win-8k2p "))
                 .expectEvents(tillBasketWithCode(till, "till-1"),
                               redeemed(till, "till-1", "5.00"),
                               advanced(till, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE));
    }

    @Test
    void aCodeTheCustomerWasNeverSentIsRefused() {
        Touchpoint till = tp("tp-3", STORE, 120);
        fixture().given(omnichannelCodeSentBySms())
                 .when(buyInStore(till, "till-1", "50.00", "SPRING-1"))
                 .expectException(violation(RuleCode.PROMO_UNKNOWN, Map.of("promoCode", "SPRING-1")))
                 .expectNoEvents();
    }

    @Test
    void aCodeAtTheTillOfANewCustomerIsRefused() {
        Touchpoint till = tp("tp-1", STORE, 0);
        fixture().givenNoPriorActivity()
                 .when(buyInStore(till, "till-1", "50.00", CODE))
                 .expectException(violation(RuleCode.PROMO_UNKNOWN))
                 .expectNoEvents();
    }

    @Test
    void redeemingTheSameCodeTwiceIsRefused() {
        Touchpoint till = tp("tp-3", STORE, 120);
        Touchpoint till2 = tp("tp-4", STORE, 180);
        fixture().given(omnichannelCodeSentBySms())
                 .andGiven(tillBasketWithCode(till, "till-1"), redeemed(till, "till-1", "5.00"),
                           advanced(till, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE))
                 .when(buyInStore(till2, "till-2", "30.00", CODE))
                 .expectException(violation(RuleCode.PROMO_ALREADY_REDEEMED))
                 .expectNoEvents();
        assertThat(RuleCode.PROMO_ALREADY_REDEEMED.conflict).isTrue();
    }

    @Test
    void aCodeRedeemedAtTheTillIsGoneForTheWebShopAndTheRefusalSaysWhenAndWhere() {
        Touchpoint till = tp("tp-3", STORE, 120);
        Touchpoint add = tp("tp-4", WEB, 150);
        Touchpoint checkout = tp("tp-5", WEB, 160);
        fixture().given(omnichannelCodeSentBySms())
                 .andGiven(tillBasketWithCode(till, "till-1"), redeemed(till, "till-1", "5.00"),
                           advanced(till, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE),
                           itemAdded(add, "BOOTS-42", 1, "89.90"))
                 .when(new CompleteCheckout(CUSTOMER, checkout, null, "order-2", "win-8k2p", Fulfilment.DELIVERY,
                                            null))
                 .expectException(violation(RuleCode.PROMO_ALREADY_REDEEMED,
                                            Map.of("promoCode", CODE, "redeemedAt", till.occurredAt().toString(),
                                                   "redeemedVia", "STORE", "orderId", "till-1")))
                 .expectNoEvents();
    }

    @Test
    void aPurchaseAfterTheCodeExpiredIsRefused() {
        Instant expires = at(60);
        Touchpoint till = tp("tp-3", STORE, 61);
        fixture().given(codeSentBySms(List.of("ALL"), expires))
                 .when(buyInStore(till, "till-1", "50.00", CODE))
                 .expectException(violation(RuleCode.PROMO_EXPIRED,
                                            Map.of("promoCode", CODE, "expiresAt", expires.toString())))
                 .expectNoEvents();
    }

    @Test
    void aPurchaseAtTheMomentOfExpiryIsAccepted() {
        Instant expires = at(60);
        Touchpoint till = tp("tp-3", STORE, 60);
        fixture().given(codeSentBySms(List.of("ALL"), expires))
                 .when(buyInStore(till, "till-1", "50.00", CODE))
                 .expectEvents(tillBasketWithCode(till, "till-1"),
                               redeemed(till, "till-1", "5.00"),
                               advanced(till, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE));
    }

    @Test
    void aPurchaseMadeBeforeExpiryButReportedLateIsAccepted() {
        Instant expires = at(60);
        Touchpoint laterView = tp("tp-3", WEB, 180);
        Touchpoint till = tp("tp-4", STORE, 50);
        fixture().given(codeSentBySms(List.of("ALL"), expires))
                 .andGiven(viewed(laterView, "BOOTS-42"))
                 .when(buyInStore(till, "till-1", "50.00", CODE))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(tillBasketWithCode(till, "till-1"),
                               redeemed(till, "till-1", "5.00"),
                               advanced(till, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE));
    }

    @Test
    void aWebOnlyCodeIsRefusedAtTheTill() {
        Touchpoint till = tp("tp-3", STORE, 120);
        fixture().given(codeSentBySms(List.of("WEB"), EXPIRES))
                 .when(buyInStore(till, "till-1", "50.00", CODE))
                 .expectException(violation(RuleCode.PROMO_CHANNEL_NOT_ALLOWED,
                                            Map.of("promoCode", CODE, "validChannels", List.of("WEB"))))
                 .expectNoEvents();
    }

    @Test
    void aWebOnlyCodeIsAcceptedAtTheWebCheckout() {
        Touchpoint add = tp("tp-3", APP, 60);
        Touchpoint checkout = tp("tp-4", WEB, 120);
        fixture().given(codeSentBySms(List.of("WEB"), EXPIRES))
                 .andGiven(itemAdded(add, "BOOTS-42", 1, "89.90"))
                 .when(new CompleteCheckout(CUSTOMER, checkout, null, "order-1", CODE, Fulfilment.DELIVERY, null))
                 .expectEvents(new CheckoutCompleted(CUSTOMER, checkout, "order-1",
                                                     List.of(new OrderLine("BOOTS-42", 1, new BigDecimal("89.90"))),
                                                     "EUR", new BigDecimal("89.90"), new BigDecimal("8.99"),
                                                     new BigDecimal("80.91"), CODE, Fulfilment.DELIVERY, null),
                               redeemed(checkout, "order-1", "8.99"),
                               advanced(checkout, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE));
    }

    @Test
    void aFixedAmountCodeInAnotherCurrencyIsRefused() {
        Touchpoint usdSent = tp("tp-2", SMS, 1);
        Touchpoint till = tp("tp-3", STORE, 120);
        fixture().given(started(consent), consentGranted(consent, SMS),
                        advanced(consent, null, StageRule.CONSENT_GRANTED),
                        new PromoCodeSent(CUSTOMER, usdSent, "us-5", "USD-5", Discount.amount(new BigDecimal("5.00"),
                                                                                             "USD"),
                                          ChannelScope.of(List.of("ALL")), EXPIRES))
                 .when(buyInStore(till, "till-1", "50.00", "USD-5"))
                 .expectException(violation(RuleCode.CURRENCY_MISMATCH,
                                            Map.of("codeCurrency", "USD", "purchaseCurrency", "EUR")))
                 .expectNoEvents();
    }

    @Test
    void aFixedAmountCodeTakesNoMoreThanThePurchaseIsWorth() {
        Touchpoint eurSent = tp("tp-2", SMS, 1);
        Touchpoint till = tp("tp-3", STORE, 120);
        fixture().given(started(consent), consentGranted(consent, SMS),
                        advanced(consent, null, StageRule.CONSENT_GRANTED),
                        new PromoCodeSent(CUSTOMER, eurSent, "gift-50", "GIFT-50",
                                          Discount.amount(new BigDecimal("50"), "EUR"),
                                          ChannelScope.of(List.of("ALL")), EXPIRES))
                 .when(buyInStore(till, "till-1", "30.00", "GIFT-50"))
                 .expectEvents(new InStorePurchaseMade(CUSTOMER, till, "till-1", "store-1",
                                                       List.of(new OrderLine("TILL-1", 1, new BigDecimal("30.00"))),
                                                       "EUR", new BigDecimal("30.00"), new BigDecimal("30.00"),
                                                       new BigDecimal("0.00"), "GIFT-50"),
                               new PromoCodeRedeemed(CUSTOMER, till, "gift-50", "GIFT-50", "till-1", SMS,
                                                     new BigDecimal("30.00"), "EUR"),
                               advanced(till, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE));
    }

    /**
     * The canonical journey of DESIGN.md: a code by SMS, a question on WhatsApp, a web cart seen again in the app, and
     * the SMS code redeemed at a store till instead.
     */
    @Test
    void theCanonicalJourneysSmsCodeIsAcceptedInTheStore() {
        Identity phone = Identity.of(IdentityType.PHONE, "+31 6 1234 5678");
        Touchpoint whatsapp = tp("tp-3", WHATSAPP, 30);
        Touchpoint asked = tp("tp-4", WHATSAPP, 31);
        Touchpoint answered = tp("tp-5", WHATSAPP, 33);
        Touchpoint boots = tp("tp-6", WEB, 60);
        Touchpoint socks = tp("tp-7", WEB, 62);
        Touchpoint app = tp("tp-8", APP, 300);
        Touchpoint till = tp("tp-9", STORE, 360);
        fixture().given(started(consent), new IdentityCaptured(CUSTOMER, consent, phone),
                        consentGranted(consent, SMS), advanced(consent, null, StageRule.CONSENT_GRANTED),
                        codeSent(sent, CODE, List.of("ALL"), EXPIRES),
                        new ConversationStarted(CUSTOMER, whatsapp, "conv-1", "winter offer"),
                        new ConversationMessageLogged(CUSTOMER, asked, "conv-1", MessageDirection.INBOUND,
                                                      "Does WIN-8K2P work on boots?"),
                        new ConversationMessageLogged(CUSTOMER, answered, "conv-1", MessageDirection.OUTBOUND,
                                                      "Yes, at the web checkout"),
                        itemAdded(boots, "BOOTS-42", 2, "89.90"), itemAdded(socks, "SOCKS-1", 1, "12.50"),
                        viewed(app, "BOOTS-42"))
                 .when(new RecordInStorePurchase(CUSTOMER, till, phone, "till-1", "store-1",
                                                 List.of(new TillItem("BOOTS-42", 2, new BigDecimal("89.90"), "EUR")),
                                                 CODE))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(new InStorePurchaseMade(CUSTOMER, till, "till-1", "store-1",
                                                       List.of(new OrderLine("BOOTS-42", 2, new BigDecimal("89.90"))),
                                                       "EUR", new BigDecimal("179.80"), new BigDecimal("17.98"),
                                                       new BigDecimal("161.82"), CODE),
                               new PromoCodeRedeemed(CUSTOMER, till, "winter-10", CODE, "till-1", SMS,
                                                     new BigDecimal("17.98"), "EUR"),
                               advanced(till, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE));
    }

    @Test
    void promotionRefusalsOtherThanReuseAreUnprocessable() {
        assertThat(RuleCode.PROMO_UNKNOWN.conflict).isFalse();
        assertThat(RuleCode.PROMO_EXPIRED.conflict).isFalse();
        assertThat(RuleCode.PROMO_CHANNEL_NOT_ALLOWED.conflict).isFalse();
        assertThat(RuleCode.CONSENT_REQUIRED.conflict).isFalse();
    }
}
