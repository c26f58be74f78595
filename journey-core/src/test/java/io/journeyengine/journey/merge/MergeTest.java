package io.journeyengine.journey.merge;

import io.journeyengine.journey.JourneyStarted;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.cart.CartLine;
import io.journeyengine.journey.consent.ConsentDecision;
import io.journeyengine.journey.conversation.Conversation;
import io.journeyengine.journey.conversation.ConversationStarted;
import io.journeyengine.journey.conversation.LogConversationMessage;
import io.journeyengine.journey.conversation.ConversationMessageLogged;
import io.journeyengine.journey.conversation.MessageDirection;
import io.journeyengine.journey.identity.IdentityCaptured;
import io.journeyengine.journey.lifecycle.AppliedTouchpoint;
import io.journeyengine.journey.lifecycle.LifecycleSignal;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.journey.lifecycle.StageRule;
import io.journeyengine.journey.loyalty.LoyaltyEnrolled;
import io.journeyengine.journey.order.InStorePurchaseMade;
import io.journeyengine.journey.order.Order;
import io.journeyengine.journey.order.OrderReturned;
import io.journeyengine.journey.order.RecordOrderReturn;
import io.journeyengine.journey.promotion.PromoCode;
import io.journeyengine.journey.promotion.PromoCodeRedeemed;
import io.journeyengine.journey.promotion.Discount;
import io.journeyengine.journey.promotion.SendPromoCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.journeyengine.journey.Channel.APP;
import static io.journeyengine.journey.Channel.SMS;
import static io.journeyengine.journey.Channel.STORE;
import static io.journeyengine.journey.Channel.WEB;
import static io.journeyengine.journey.Channel.WHATSAPP;
import static io.journeyengine.journey.JourneyFixtures.*;
import static io.journeyengine.journey.merge.MergeFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merging two profiles of one customer: the merged profile hands everything over and becomes an alias, the
 * survivor takes it over. The journey under test ({@code cust-42}) plays either part.
 */
class MergeTest {

    private final Touchpoint login = tp("tp-login", APP, 60);

    @Test
    void aMergedProfileHandsOverEverythingItHasAndBecomesAnAlias() {
        Touchpoint sms = tp("b-1", SMS, 0);
        Touchpoint web = tp("b-2", WEB, 10);
        Touchpoint chat = tp("b-3", WHATSAPP, 20);
        Touchpoint till = tp("b-4", STORE, 30);
        Touchpoint loyal = tp("b-5", STORE, 31);
        InStorePurchaseMade bought = boughtInStore(till, "till-1", "20.00");
        var fixture = fixture();
        fixture.given(started(sms), new IdentityCaptured(CUSTOMER, sms, PHONE), consentGranted(sms, SMS),
                      advanced(sms, null, StageRule.CONSENT_GRANTED),
                      codeSent(sms, "WIN-1", List.of("ALL"), at(24 * 60)),
                      itemAdded(web, "BOOTS-42", 2, "89.90"),
                      new ConversationStarted(CUSTOMER, chat, "conv-1", "Sizes?"),
                      bought, advanced(till, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE),
                      new LoyaltyEnrolled(CUSTOMER, loyal, "club"),
                      advanced(loyal, LifecycleStage.CONVERSION, StageRule.LOYALTY_ENROLLED_AFTER_PURCHASE))
               .when(new HandOverProfile(CUSTOMER, "cust-a", login, PHONE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ProfileMergedInto(CUSTOMER, login, "cust-a", PHONE))
               .expectResultMessagePayloadMatching(new org.hamcrest.TypeSafeMatcher<MergedProfile>() {
                   @Override
                   protected boolean matchesSafely(MergedProfile p) {
                       assertThat(p.customerId()).isEqualTo(CUSTOMER);
                       assertThat(p.identities()).containsExactly(PHONE);
                       assertThat(p.consents()).containsExactly(new ConsentDecision(SMS, true, sms.occurredAt()));
                       assertThat(p.cartLines()).containsExactly(line("BOOTS-42", 2, "89.90", WEB));
                       assertThat(p.promoCodes()).extracting(PromoCode::code).containsExactly("WIN-1");
                       assertThat(p.conversations()).extracting(Conversation::conversationId).containsExactly("conv-1");
                       assertThat(p.orders()).extracting(Order::orderId).containsExactly("till-1");
                       assertThat(p.orders().get(0).lines()).isEqualTo(bought.lines());
                       assertThat(p.loyaltyProgrammes()).containsExactly("club");
                       assertThat(p.history()).extracting(AppliedTouchpoint::signal).containsExactly(
                               LifecycleSignal.CONSENT_GRANTED, LifecycleSignal.TOUCHPOINT,
                               LifecycleSignal.CART_ITEM_ADDED, LifecycleSignal.CONVERSATION_STARTED,
                               LifecycleSignal.PURCHASE, LifecycleSignal.LOYALTY_ENROLMENT);
                       return true;
                   }

                   @Override
                   public void describeTo(org.hamcrest.Description description) {
                       description.appendText("the whole profile");
                   }
               })
               .expectState(journey -> assertThat(journey.merges().mergedInto()).isEqualTo("cust-a"));
    }

    @Test
    void aMergedProfileRefusesTouchpointsAndNamesItsSurvivor() {
        Touchpoint sms = tp("b-1", SMS, 0);
        fixture().given(started(sms), viewed(sms, "BOOTS-42"), advanced(sms, null, StageRule.ANY_TOUCHPOINT),
                        new ProfileMergedInto(CUSTOMER, login, "cust-a", PHONE))
                 .when(addItem(tp("tp-late", WEB, 90), "SOCKS-1", 1, "12.50"))
                 .expectException(ProfileMergedAway.class)
                 .expectExceptionMessage("Customer cust-42 was merged into cust-a")
                 .expectNoEvents();
    }

    @Test
    void theSurvivorTakesOverTheMergedProfile() {
        Touchpoint view = tp("tp-1", WEB, 0);
        MergedProfile theirs = profile(List.of(line("HAT-1", 1, "15.00", WEB)), List.of(code("WIN-1", SMS)),
                                       List.of(conversation("conv-b")), List.of(tillOrder("till-b")),
                                       List.of(new ConsentDecision(SMS, true, at(-200))),
                                       List.of(viewed(OTHER_VIEW), purchase(tp("b-2", STORE, -90))));
        fixture().given(started(view), viewed(view, "BOOTS-42"), advanced(view, null, StageRule.ANY_TOUCHPOINT))
                 .when(new TakeOverProfile(CUSTOMER, login, COOKIE, theirs))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(new ProfileMerged(CUSTOMER, login, OTHER, COOKIE, theirs,
                                                 List.of(line("HAT-1", 1, "15.00", WEB))),
                               // The till order of the merged profile is a purchase of this customer now.
                               advanced(login, LifecycleStage.REACH, StageRule.FIRST_PURCHASE))
                 .expectResultMessagePayload(List.of("ProfileMerged", "LifecycleStageAdvanced"));
    }

    @Test
    void aProductInBothCartsKeepsTheLargerQuantity() {
        Touchpoint socks = tp("tp-1", WEB, 0);
        Touchpoint boots = tp("tp-2", WEB, 1);
        MergedProfile theirs = profile(List.of(line("SOCKS-1", 3, "12.00", APP), line("BOOTS-42", 1, "89.90", APP),
                                               line("HAT-1", 1, "15.00", APP)),
                                       List.of(), List.of(), List.of(), List.of(), List.of(viewed(OTHER_VIEW)));
        fixture().given(started(socks), itemAdded(socks, "SOCKS-1", 1, "12.50"),
                        advanced(socks, null, StageRule.CART_ITEM_ADDED), itemAdded(boots, "BOOTS-42", 2, "89.90"))
                 .when(new TakeOverProfile(CUSTOMER, login, COOKIE, theirs))
                 .expectEvents(new ProfileMerged(CUSTOMER, login, OTHER, COOKIE,
                                                 profile(List.of(line("SOCKS-1", 3, "12.00", APP),
                                                                 line("HAT-1", 1, "15.00", APP)),
                                                         List.of(), List.of(), List.of(), List.of(),
                                                         List.of(viewed(OTHER_VIEW))),
                                                 // More socks in the app; the line stays the web's first add.
                                                 List.of(line("SOCKS-1", 3, "12.00", WEB),
                                                         line("HAT-1", 1, "15.00", APP))))
                 .expectState(journey -> assertThat(journey.cart().lines()).containsExactly(
                         line("SOCKS-1", 3, "12.00", WEB), line("BOOTS-42", 2, "89.90", WEB),
                         line("HAT-1", 1, "15.00", APP)));
    }

    @Test
    void aCartInAnotherCurrencyStaysWithTheMergedProfile() {
        Touchpoint socks = tp("tp-1", WEB, 0);
        CartLine dollars = new CartLine("HAT-1", 1, new BigDecimal("15.00"), "USD", APP);
        MergedProfile theirs = profile(List.of(dollars), List.of(), List.of(), List.of(), List.of(),
                                       List.of(viewed(OTHER_VIEW)));
        fixture().given(started(socks), itemAdded(socks, "SOCKS-1", 1, "12.50"),
                        advanced(socks, null, StageRule.CART_ITEM_ADDED))
                 .when(new TakeOverProfile(CUSTOMER, login, COOKIE, theirs))
                 .expectEvents(new ProfileMerged(CUSTOMER, login, OTHER, COOKIE,
                                                 profile(List.of(), List.of(), List.of(), List.of(), List.of(),
                                                         List.of(viewed(OTHER_VIEW))),
                                                 List.of()))
                 .expectState(journey -> assertThat(journey.cart().lines()).containsExactly(
                         line("SOCKS-1", 1, "12.50", WEB)));
    }

    @Test
    void codesConversationsAndOrdersTheSurvivorHasAlreadyStayItsOwn() {
        Touchpoint sms = tp("tp-1", SMS, 0);
        Touchpoint sent = tp("tp-2", SMS, 1);
        Touchpoint chat = tp("tp-3", WHATSAPP, 2);
        Touchpoint till = tp("tp-4", STORE, 3);
        MergedProfile theirs = profile(List.of(), List.of(code("WIN-1", WEB), code("WIN-2", WEB)),
                                       List.of(conversation("conv-1"), conversation("conv-2")),
                                       List.of(tillOrder("till-1"), tillOrder("till-2")), List.of(),
                                       List.of(viewed(OTHER_VIEW)));
        fixture().given(started(sms), consentGranted(sms, SMS), advanced(sms, null, StageRule.CONSENT_GRANTED),
                        codeSent(sent, "WIN-1", List.of("ALL"), at(24 * 60)),
                        new ConversationStarted(CUSTOMER, chat, "conv-1", "Mine"),
                        boughtInStore(till, "till-1", "30.00"),
                        advanced(till, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE))
                 .when(new TakeOverProfile(CUSTOMER, login, COOKIE, theirs))
                 .expectEvents(new ProfileMerged(CUSTOMER, login, OTHER, COOKIE,
                                                 profile(List.of(), List.of(code("WIN-2", WEB)),
                                                         List.of(conversation("conv-2")),
                                                         List.of(tillOrder("till-2")), List.of(),
                                                         List.of(viewed(OTHER_VIEW))),
                                                 List.of()))
                 .expectState(journey -> {
                     assertThat(journey.promoCodes().all()).extracting(PromoCode::code, PromoCode::sentVia)
                                                            .containsExactly(
                                                                    org.assertj.core.groups.Tuple.tuple("WIN-1", SMS),
                                                                    org.assertj.core.groups.Tuple.tuple("WIN-2", WEB));
                     assertThat(journey.conversations().all()).extracting(Conversation::topic)
                                                               .containsExactly("Mine", "Where is my parcel?");
                     assertThat(journey.orders().all()).extracting(Order::orderId)
                                                        .containsExactly("till-1", "till-2");
                 });
    }

    @Test
    void aNewSurvivorIsStartedByTheMerge() {
        MergedProfile theirs = browsingProfile();
        fixture().givenNoPriorActivity()
                 .when(new TakeOverProfile(CUSTOMER, login, COOKIE, theirs))
                 .expectEvents(new JourneyStarted(CUSTOMER, login),
                               new ProfileMerged(CUSTOMER, login, OTHER, COOKIE, theirs, List.of()),
                               advanced(login, null, StageRule.ANY_TOUCHPOINT));
    }

    @Test
    void mergingTheSameProfileTwiceAppliesNothing() {
        Touchpoint view = tp("tp-1", WEB, 0);
        MergedProfile theirs = browsingProfile();
        fixture().given(started(view), viewed(view, "BOOTS-42"), advanced(view, null, StageRule.ANY_TOUCHPOINT),
                        new ProfileMerged(CUSTOMER, login, OTHER, COOKIE, theirs, List.of()))
                 .when(new TakeOverProfile(CUSTOMER, tp("tp-again", WEB, 70), COOKIE, theirs))
                 .expectSuccessfulHandlerExecution()
                 .expectNoEvents()
                 .expectResultMessagePayload(List.of());
    }

    @Test
    void consentGivenToTheMergedProfileLetsTheSurvivorReceiveACode() {
        Touchpoint view = tp("tp-1", WEB, 0);
        Touchpoint send = tp("tp-2", SMS, 90);
        MergedProfile theirs = profile(List.of(), List.of(), List.of(), List.of(),
                                       List.of(new ConsentDecision(SMS, true, at(-200))),
                                       List.of(new AppliedTouchpoint(tp("b-1", SMS, -200),
                                                                     LifecycleSignal.CONSENT_GRANTED, false)));
        fixture().given(started(view), viewed(view, "BOOTS-42"), advanced(view, null, StageRule.ANY_TOUCHPOINT),
                        new ProfileMerged(CUSTOMER, login, OTHER, COOKIE, theirs, List.of()),
                        advanced(login, LifecycleStage.REACH, StageRule.CONSENT_GRANTED))
                 .when(new SendPromoCode(CUSTOMER, send, null, "winter-10", "WIN-9", Discount.percent(BigDecimal.TEN),
                                         List.of("ALL"), at(24 * 60)))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(codeSent(send, "WIN-9", List.of("ALL"), at(24 * 60)));
    }

    @Test
    void aLaterWithdrawalOfTheSurvivorBeatsAnEarlierGrantOfTheMergedProfile() {
        Touchpoint withdraw = tp("tp-1", SMS, 0);
        MergedProfile theirs = profile(List.of(), List.of(), List.of(), List.of(),
                                       List.of(new ConsentDecision(SMS, true, at(-200))),
                                       List.of(viewed(OTHER_VIEW)));
        fixture().given(started(withdraw),
                        new io.journeyengine.journey.consent.ConsentChanged(CUSTOMER, withdraw, SMS, false),
                        advanced(withdraw, null, StageRule.ANY_TOUCHPOINT),
                        new ProfileMerged(CUSTOMER, login, OTHER, COOKIE, theirs, List.of()))
                 .when(new SendPromoCode(CUSTOMER, tp("tp-2", SMS, 90), null, "winter-10", "WIN-9",
                                         Discount.percent(BigDecimal.TEN), List.of("ALL"), at(24 * 60)))
                 .expectException(violation(io.journeyengine.journey.RuleCode.CONSENT_REQUIRED))
                 .expectNoEvents();
    }

    @Test
    void theSurvivorRedeemsACodeOfTheMergedProfileAndTakesBackItsOrders() {
        Touchpoint view = tp("tp-1", WEB, 0);
        Touchpoint till = tp("tp-2", STORE, 90);
        Touchpoint back = tp("tp-3", STORE, 100);
        MergedProfile theirs = profile(List.of(), List.of(code("WIN-1", SMS)), List.of(), List.of(tillOrder("till-b")),
                                       List.of(), List.of(viewed(OTHER_VIEW), purchase(tp("b-2", STORE, -90))));
        fixture().given(started(view), viewed(view, "BOOTS-42"), advanced(view, null, StageRule.ANY_TOUCHPOINT),
                        new ProfileMerged(CUSTOMER, login, OTHER, COOKIE, theirs, List.of()),
                        advanced(login, LifecycleStage.REACH, StageRule.FIRST_PURCHASE))
                 .when(buyInStore(till, "till-a", "50.00", "win-1"))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(new InStorePurchaseMade(CUSTOMER, till, "till-a", "store-1",
                                                       List.of(new io.journeyengine.journey.order.OrderLine(
                                                               "TILL-1", 1, new BigDecimal("50.00"))), "EUR",
                                                       new BigDecimal("50.00"), new BigDecimal("5.00"),
                                                       new BigDecimal("45.00"), "WIN-1"),
                               new PromoCodeRedeemed(CUSTOMER, till, "winter-10", "WIN-1", "till-a", SMS,
                                                     new BigDecimal("5.00"), "EUR"),
                               advanced(till, LifecycleStage.CONVERSION, StageRule.SECOND_PURCHASE));
        // A return of the merged profile's own till order is accepted by the survivor.
        fixture().given(started(view), new ProfileMerged(CUSTOMER, login, OTHER, COOKIE, theirs, List.of()))
                 .when(new RecordOrderReturn(CUSTOMER, back, null, "till-b", "store-1", "Too small"))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(new OrderReturned(CUSTOMER, back, "till-b", "store-1", "Too small"),
                               advanced(back, null, StageRule.RETURN_AFTER_PURCHASE));
    }

    @Test
    void aConversationOfTheMergedProfileGoesOnWithTheSurvivor() {
        Touchpoint view = tp("tp-1", WEB, 0);
        Touchpoint message = tp("tp-2", WHATSAPP, 90);
        MergedProfile theirs = profile(List.of(), List.of(), List.of(conversation("conv-b")), List.of(), List.of(),
                                       List.of(viewed(OTHER_VIEW)));
        fixture().given(started(view), viewed(view, "BOOTS-42"), advanced(view, null, StageRule.ANY_TOUCHPOINT),
                        new ProfileMerged(CUSTOMER, login, OTHER, COOKIE, theirs, List.of()))
                 .when(new LogConversationMessage(CUSTOMER, message, null, "conv-b", MessageDirection.INBOUND, "Hi"))
                 .expectEvents(new ConversationMessageLogged(CUSTOMER, message, "conv-b", MessageDirection.INBOUND,
                                                             "Hi"));
    }

    @Test
    void theIdentitiesOfTheMergedProfileAreNotCapturedAgain() {
        Touchpoint view = tp("tp-1", WEB, 0);
        Touchpoint byCookie = tp("tp-2", WEB, 90);
        fixture().given(started(view), viewed(view, "BOOTS-42"), advanced(view, null, StageRule.ANY_TOUCHPOINT),
                        new ProfileMerged(CUSTOMER, login, OTHER, COOKIE, browsingProfile(), List.of()))
                 .when(new io.journeyengine.journey.browsing.ViewProduct(CUSTOMER, byCookie, COOKIE, "HAT-1"))
                 .expectEvents(viewed(byCookie, "HAT-1"));
    }
}
