package io.journeyengine.views.customer;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.views.cart.CartView;
import io.journeyengine.views.customer.NextBestAction.Action;
import io.journeyengine.views.customer.NextBestAction.Recommendation;
import io.journeyengine.views.customer.NextBestAction.Situation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.journeyengine.journey.lifecycle.LifecycleStage.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the next-best-action table, the order in which they are tried, and the case without consent. */
class NextBestActionTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final CartView CART = new CartView("c", "EUR",
            List.of(new CartView.Line("BOOTS-42", 2, "89.90", "WEB"), new CartView.Line("SOCKS", 1, "12.50", "WEB")),
            "192.30", NOW);
    private static final CartView EMPTY_CART = new CartView("c", null, List.of(), "0.00", NOW);
    private static final CustomerProfile.Conversation OPEN = new CustomerProfile.Conversation(
            "conv-1", "winter offer", List.of(Channel.WHATSAPP, Channel.VOICE), true, List.of());
    private static final CustomerProfile.Conversation CLOSED = new CustomerProfile.Conversation(
            "conv-0", "sizes", List.of(Channel.WEBCHAT), false, List.of());

    /** A customer in {@code stage} with nothing going on: empty cart, no conversation, no code, no membership. */
    private static Situation quiet(LifecycleStage stage) {
        return new Situation(stage, EMPTY_CART, List.of(CLOSED), List.of(), false, Channel.SMS, NOW);
    }

    private static Situation with(Situation s, CartView cart) {
        return new Situation(s.stage(), cart, s.conversations(), s.promotions(), s.loyaltyMember(),
                             s.preferredChannel(), s.now());
    }

    private static Situation withConversation(Situation s, CustomerProfile.Conversation conversation) {
        return new Situation(s.stage(), s.cart(), List.of(CLOSED, conversation), s.promotions(), s.loyaltyMember(),
                             s.preferredChannel(), s.now());
    }

    private static Situation withCode(Situation s, PromotionStatus status, Duration expiresIn) {
        Customer360.Promotion code = new Customer360.Promotion("winter-10", "WIN-8K2P", Channel.SMS, status, null,
                                                               NOW.plus(expiresIn));
        return new Situation(s.stage(), s.cart(), s.conversations(), List.of(code), s.loyaltyMember(),
                             s.preferredChannel(), s.now());
    }

    private static Situation member(Situation s) {
        return new Situation(s.stage(), s.cart(), s.conversations(), s.promotions(), true, s.preferredChannel(),
                             s.now());
    }

    private static Action action(Situation s) {
        return NextBestAction.decide(s).action();
    }

    @Test
    void row1ACartWaitingEarlyInTheJourneyIsRemindedOf() {
        Recommendation r = NextBestAction.decide(with(quiet(REACH), CART));
        assertThat(r.action()).isEqualTo(Action.CART_REMINDER);
        assertThat(r.channel()).isEqualTo(Channel.SMS);
        assertThat(r.reason()).contains("3 items").contains("192.30 EUR");
        assertThat(action(with(quiet(ACQUISITION), CART))).isEqualTo(Action.CART_REMINDER);
        // After a purchase a filled cart is not what matters most.
        assertThat(action(with(quiet(CONVERSION), CART))).isEqualTo(Action.AFTER_SALES_FOLLOW_UP);
    }

    @Test
    void row2AnOpenConversationIsFollowedUp() {
        Recommendation r = NextBestAction.decide(withConversation(quiet(LOYALTY), OPEN));
        assertThat(r.action()).isEqualTo(Action.FOLLOW_UP_CONVERSATION);
        assertThat(r.reason()).contains("conv-1").contains("VOICE");
        // A cart early in the journey still comes first.
        assertThat(action(withConversation(with(quiet(ACQUISITION), CART), OPEN))).isEqualTo(Action.CART_REMINDER);
    }

    @Test
    void row3AnAvailableCodeAboutToExpireIsRemindedOf() {
        Recommendation r = NextBestAction.decide(withCode(quiet(CONVERSION), PromotionStatus.AVAILABLE,
                                                          Duration.ofDays(3)));
        assertThat(r.action()).isEqualTo(Action.PROMO_REMINDER);
        assertThat(r.reason()).contains("WIN-8K2P");
        assertThat(action(withCode(quiet(CONVERSION), PromotionStatus.AVAILABLE, NextBestAction.PROMO_REMINDER_WINDOW)))
                .isEqualTo(Action.PROMO_REMINDER);
        // Not when it expires later, and not when it is used or gone.
        assertThat(action(withCode(quiet(CONVERSION), PromotionStatus.AVAILABLE,
                                   NextBestAction.PROMO_REMINDER_WINDOW.plusSeconds(1))))
                .isEqualTo(Action.AFTER_SALES_FOLLOW_UP);
        assertThat(action(withCode(quiet(CONVERSION), PromotionStatus.REDEEMED, Duration.ofDays(3))))
                .isEqualTo(Action.AFTER_SALES_FOLLOW_UP);
        assertThat(action(withCode(quiet(CONVERSION), PromotionStatus.EXPIRED, Duration.ofDays(-1))))
                .isEqualTo(Action.AFTER_SALES_FOLLOW_UP);
        // An open conversation comes first.
        assertThat(action(withConversation(withCode(quiet(CONVERSION), PromotionStatus.AVAILABLE, Duration.ofDays(3)),
                                           OPEN))).isEqualTo(Action.FOLLOW_UP_CONVERSATION);
    }

    @Test
    void row4AFirstPurchaseIsFollowedUp() {
        assertThat(action(quiet(CONVERSION))).isEqualTo(Action.AFTER_SALES_FOLLOW_UP);
    }

    @Test
    void row5AReturningCustomerIsInvitedToLoyalty() {
        assertThat(action(quiet(RETENTION))).isEqualTo(Action.LOYALTY_INVITATION);
    }

    @Test
    void row6LoyalCustomersAndReturningMembersGetAnExclusiveOffer() {
        assertThat(action(quiet(LOYALTY))).isEqualTo(Action.EXCLUSIVE_OFFER);
        assertThat(action(member(quiet(RETENTION)))).isEqualTo(Action.EXCLUSIVE_OFFER);
    }

    @Test
    void row7AKnownCustomerWhoHasNotBoughtGetsAFirstPurchaseOffer() {
        assertThat(action(quiet(ACQUISITION))).isEqualTo(Action.FIRST_PURCHASE_OFFER);
    }

    @Test
    void row8ANewContactIsWelcomed() {
        assertThat(action(quiet(REACH))).isEqualTo(Action.WELCOME_OFFER);
        // The lifecycle view has not caught up yet: treated as a new contact.
        assertThat(action(quiet(null))).isEqualTo(Action.WELCOME_OFFER);
        assertThat(action(with(quiet(REACH), null))).isEqualTo(Action.WELCOME_OFFER);
    }

    @Test
    void withoutConsentedChannelTheActionIsNamedWithoutAChannel() {
        Situation noConsent = new Situation(RETENTION, EMPTY_CART, List.of(), List.of(), false, null, NOW);
        Recommendation r = NextBestAction.decide(noConsent);
        assertThat(r.action()).isEqualTo(Action.LOYALTY_INVITATION);
        assertThat(r.channel()).isNull();
        assertThat(r.reason()).contains("no marketing consent");
    }

    @Test
    void everyActionIsReachedByARowAbove() {
        assertThat(List.of(Action.CART_REMINDER, Action.FOLLOW_UP_CONVERSATION, Action.PROMO_REMINDER,
                           Action.AFTER_SALES_FOLLOW_UP, Action.LOYALTY_INVITATION, Action.EXCLUSIVE_OFFER,
                           Action.FIRST_PURCHASE_OFFER, Action.WELCOME_OFFER))
                .containsExactly(Action.values());
    }
}
