package io.journeyengine.journey.merge;

import io.journeyengine.journey.RuleCode;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.cart.CartItemRemoved;
import io.journeyengine.journey.cart.CartLine;
import io.journeyengine.journey.consent.ConsentDecision;
import io.journeyengine.journey.conversation.ConversationClosed;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.journey.lifecycle.LifecycleStageCorrected;
import io.journeyengine.journey.lifecycle.StageRule;
import io.journeyengine.journey.order.OrderPickedUp;
import io.journeyengine.journey.order.OrderReturned;
import io.journeyengine.journey.privacy.ErasePersonalData;
import io.journeyengine.journey.privacy.PersonalDataErased;
import io.journeyengine.journey.promotion.Discount;
import io.journeyengine.journey.promotion.PromoCodeRedeemed;
import io.journeyengine.journey.promotion.SendPromoCode;
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
import static io.journeyengine.journey.merge.MergeFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Undoing a wrong merge with compensating events, and where that cannot be done unambiguously. */
class UnmergeTest {

    private static final Instant NOW = at(600);

    private final Touchpoint view = tp("tp-1", WEB, 0);
    private final Touchpoint socks = tp("tp-2", WEB, 1);
    private final Touchpoint login = tp("tp-login", APP, 60);

    /** The survivor had 1 pair of socks in its cart; the merged profile brought 3, a hat, a code, a chat, an order. */
    private final MergedProfile taken = profile(
            List.of(line("SOCKS-1", 3, "12.00", APP), line("HAT-1", 1, "15.00", APP)), List.of(code("WIN-1", SMS)),
            List.of(conversation("conv-b")), List.of(tillOrder("till-b")),
            List.of(new ConsentDecision(SMS, true, at(-200))),
            List.of(viewed(OTHER_VIEW), purchase(tp("b-2", STORE, -90))));
    private final List<CartLine> cartSet = List.of(line("SOCKS-1", 3, "12.00", WEB), line("HAT-1", 1, "15.00", APP));

    private Object[] merged(Object... since) {
        Object[] before = {started(view), itemAdded(socks, "SOCKS-1", 1, "12.50"),
                advanced(socks, null, StageRule.CART_ITEM_ADDED),
                new ProfileMerged(CUSTOMER, login, OTHER, COOKIE, taken, cartSet),
                advanced(login, LifecycleStage.ACQUISITION, StageRule.FIRST_PURCHASE)};
        Object[] all = java.util.Arrays.copyOf(before, before.length + since.length);
        System.arraycopy(since, 0, all, before.length, since.length);
        return all;
    }

    @Test
    void unmergingGivesBackWhatCameWithTheMergeAndSetsTheStageBack() {
        Touchpoint later = tp("tp-3", WEB, 90);
        fixture().given(merged(itemAdded(later, "BOOTS-42", 1, "89.90")))
                 .when(new UnmergeProfile(CUSTOMER, OTHER, NOW))
                 .expectSuccessfulHandlerExecution()
                 .expectEvents(new ProfileUnmerged(CUSTOMER, OTHER, NOW, taken,
                                                   List.of(line("SOCKS-1", 1, "12.50", WEB),
                                                           new CartLine("HAT-1", 0, new BigDecimal("15.00"), "EUR",
                                                                        APP))),
                               new LifecycleStageCorrected(CUSTOMER, NOW, LifecycleStage.CONVERSION,
                                                           LifecycleStage.ACQUISITION, StageRule.CART_ITEM_ADDED,
                                                           OTHER))
                 .expectState(journey -> {
                     // The boots added since the merge stay; the socks are the survivor's one pair again.
                     assertThat(journey.cart().lines()).containsExactly(line("SOCKS-1", 1, "12.50", WEB),
                                                                        line("BOOTS-42", 1, "89.90", WEB));
                     assertThat(journey.identities().all()).doesNotContain(COOKIE);
                     assertThat(journey.promoCodes().all()).isEmpty();
                     assertThat(journey.conversations().all()).isEmpty();
                     assertThat(journey.orders().all()).isEmpty();
                     assertThat(journey.consents().asMap()).isEmpty();
                     assertThat(journey.lifecycle().stage()).isEqualTo(LifecycleStage.ACQUISITION);
                     assertThat(journey.merges().absorbed()).isEmpty();
                 });
    }

    @Test
    void consentThatCameWithTheMergeLeavesWithIt() {
        fixture().given(merged(new ProfileUnmerged(CUSTOMER, OTHER, NOW, taken, List.of())))
                 .when(new SendPromoCode(CUSTOMER, tp("tp-9", SMS, 700), null, "winter-10", "WIN-9",
                                         Discount.percent(BigDecimal.TEN), List.of("ALL"), at(24 * 60)))
                 .expectException(violation(RuleCode.CONSENT_REQUIRED, Map.of("channel", "SMS")));
    }

    @Test
    void anUnmergeIsRefusedWhenACodeThatCameWithTheMergeWasRedeemedSince() {
        Touchpoint till = tp("tp-3", STORE, 90);
        fixture().given(merged(boughtInStore(till, "till-a", "45.00"),
                               new PromoCodeRedeemed(CUSTOMER, till, "winter-10", "WIN-1", "till-a", SMS,
                                                     new BigDecimal("5.00"), "EUR")))
                 .when(new UnmergeProfile(CUSTOMER, OTHER, NOW))
                 .expectException(violation(RuleCode.UNMERGE_CODE_REDEEMED, Map.of("promoCode", "WIN-1")))
                 .expectNoEvents();
    }

    @Test
    void anUnmergeIsRefusedWhenACartLineThatCameWithTheMergeWasChangedSince() {
        Touchpoint removed = tp("tp-3", APP, 90);
        fixture().given(merged(new CartItemRemoved(CUSTOMER, removed, "HAT-1", 1)))
                 .when(new UnmergeProfile(CUSTOMER, OTHER, NOW))
                 .expectException(violation(RuleCode.UNMERGE_CART_CHANGED, Map.of("sku", "HAT-1")))
                 .expectNoEvents();
    }

    @Test
    void anUnmergeIsRefusedAfterACheckoutBoughtTheMergedCart() {
        Touchpoint checkout = tp("tp-3", APP, 90);
        fixture().given(merged(checkedOut(checkout, "app-1", "SOCKS-1", "36.00",
                                          io.journeyengine.journey.order.Fulfilment.DELIVERY, null)))
                 .when(new UnmergeProfile(CUSTOMER, OTHER, NOW))
                 .expectException(violation(RuleCode.UNMERGE_CART_CHANGED, Map.of("sku", "SOCKS-1")));
    }

    @Test
    void anUnmergeIsRefusedWhenAConversationThatCameWithTheMergeWentOn() {
        fixture().given(merged(new ConversationClosed(CUSTOMER, tp("tp-3", WHATSAPP, 90), "conv-b", "Solved")))
                 .when(new UnmergeProfile(CUSTOMER, OTHER, NOW))
                 .expectException(violation(RuleCode.UNMERGE_CONVERSATION_CONTINUED,
                                            Map.of("conversationId", "conv-b")));
    }

    @Test
    void anUnmergeIsRefusedWhenAnOrderThatCameWithTheMergeWasReturned() {
        fixture().given(merged(new OrderReturned(CUSTOMER, tp("tp-3", STORE, 90), "till-b", "store-1", "Too big")))
                 .when(new UnmergeProfile(CUSTOMER, OTHER, NOW))
                 .expectException(violation(RuleCode.UNMERGE_ORDER_CHANGED, Map.of("orderId", "till-b")));
    }

    @Test
    void aProfileThatIsNotMergedCannotBeUnmerged() {
        fixture().given(started(view), viewed(view, "BOOTS-42"), advanced(view, null, StageRule.ANY_TOUCHPOINT))
                 .when(new UnmergeProfile(CUSTOMER, OTHER, NOW))
                 .expectException(violation(RuleCode.NOT_MERGED, Map.of("mergedCustomerId", OTHER)))
                 .expectNoEvents();
        // Nor twice.
        fixture().given(merged(new ProfileUnmerged(CUSTOMER, OTHER, NOW, taken, List.of())))
                 .when(new UnmergeProfile(CUSTOMER, OTHER, NOW.plusSeconds(1)))
                 .expectException(violation(RuleCode.NOT_MERGED));
    }

    @Test
    void theRestoredProfileIsACustomerOfItsOwnAgain() {
        Touchpoint sms = tp("b-1", SMS, 0);
        Touchpoint after = tp("b-9", WEB, 700);
        fixture().given(started(sms), viewed(sms, "BOOTS-42"), advanced(sms, null, StageRule.ANY_TOUCHPOINT),
                        new ProfileMergedInto(CUSTOMER, login, "cust-a", PHONE))
                 .when(new RestoreProfile(CUSTOMER, "cust-a", NOW))
                 .expectEvents(new ProfileRestored(CUSTOMER, "cust-a", NOW))
                 .expectState(journey -> assertThat(journey.merges().mergedInto()).isNull());
        fixture().given(started(sms), viewed(sms, "BOOTS-42"), advanced(sms, null, StageRule.ANY_TOUCHPOINT),
                        new ProfileMergedInto(CUSTOMER, login, "cust-a", PHONE),
                        new ProfileRestored(CUSTOMER, "cust-a", NOW))
                 .when(view(after, "HAT-1"))
                 .expectEvents(viewed(after, "HAT-1"));
    }

    @Test
    void onlyTheSurvivorItWasMergedIntoCanRestoreAProfile() {
        Touchpoint sms = tp("b-1", SMS, 0);
        fixture().given(started(sms), new ProfileMergedInto(CUSTOMER, login, "cust-a", PHONE))
                 .when(new RestoreProfile(CUSTOMER, "cust-z", NOW))
                 .expectException(violation(RuleCode.NOT_MERGED));
    }

    @Test
    void anOrderPickedUpSinceTheMergeAlsoBlocksTheUnmerge() {
        MergedProfile withPickupOrder = new MergedProfile(OTHER, List.of(COOKIE), List.of(), List.of(), List.of(),
                List.of(), List.of(new io.journeyengine.journey.order.Order(
                        "web-b", WEB, at(-90), io.journeyengine.journey.order.Fulfilment.STORE_PICKUP, "store-1",
                        List.of(), new BigDecimal("20.00"), "EUR", null, false, false)),
                List.of(), List.of(purchase(tp("b-2", WEB, -90))));
        fixture().given(started(view), new ProfileMerged(CUSTOMER, login, OTHER, COOKIE, withPickupOrder, List.of()),
                        new OrderPickedUp(CUSTOMER, tp("tp-3", STORE, 90), "web-b", "store-1"))
                 .when(new UnmergeProfile(CUSTOMER, OTHER, NOW))
                 .expectException(violation(RuleCode.UNMERGE_ORDER_CHANGED, Map.of("orderId", "web-b")));
    }

    @Test
    void erasureIsRecordedAndTheJourneyForgetsThePersonalValues() {
        Touchpoint sms = tp("b-1", SMS, 0);
        fixture().given(started(sms), new io.journeyengine.journey.identity.IdentityCaptured(CUSTOMER, sms, PHONE),
                        new io.journeyengine.journey.conversation.ConversationStarted(CUSTOMER, sms, "c-1",
                                                                                       "My address is ..."),
                        advanced(sms, null, StageRule.CONVERSATION_STARTED))
                 .when(new ErasePersonalData(CUSTOMER, NOW))
                 .expectEvents(new PersonalDataErased(CUSTOMER, NOW))
                 .expectState(journey -> {
                     assertThat(journey.identities().all()).extracting(i -> i.value()).containsExactly("[erased]");
                     assertThat(journey.conversations().all()).extracting(c -> c.topic()).containsExactly("[erased]");
                 });
    }

    @Test
    void aMergedProfileCanStillBeErased() {
        Touchpoint sms = tp("b-1", SMS, 0);
        fixture().given(started(sms), new ProfileMergedInto(CUSTOMER, login, "cust-a", PHONE))
                 .when(new ErasePersonalData(CUSTOMER, NOW))
                 .expectEvents(new PersonalDataErased(CUSTOMER, NOW));
    }
}
