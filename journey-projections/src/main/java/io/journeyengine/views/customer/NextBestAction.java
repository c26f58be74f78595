package io.journeyengine.views.customer;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.views.cart.CartView;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static io.journeyengine.journey.lifecycle.LifecycleStage.ACQUISITION;
import static io.journeyengine.journey.lifecycle.LifecycleStage.CONVERSION;
import static io.journeyengine.journey.lifecycle.LifecycleStage.LOYALTY;
import static io.journeyengine.journey.lifecycle.LifecycleStage.REACH;
import static io.journeyengine.journey.lifecycle.LifecycleStage.RETENTION;

/**
 * What an agent or a campaign should do next for a customer: one rule table, read top to bottom, the first rule that
 * applies wins (docs/api.md, "Next best action"). The action goes out on the customer's preferred channel; without
 * marketing consent on any channel it is still named, with no channel, and the reason says why.
 */
public final class NextBestAction {

    public enum Action {
        CART_REMINDER, FOLLOW_UP_CONVERSATION, PROMO_REMINDER, AFTER_SALES_FOLLOW_UP, LOYALTY_INVITATION,
        EXCLUSIVE_OFFER, FIRST_PURCHASE_OFFER, WELCOME_OFFER
    }

    public record Recommendation(Action action, Channel channel, String reason) {
    }

    /** What the rules look at; {@code stage} is null while the lifecycle view has not seen the customer yet. */
    public record Situation(LifecycleStage stage, CartView cart, List<CustomerProfile.Conversation> conversations,
                            List<Customer360.Promotion> promotions, boolean loyaltyMember, Channel preferredChannel,
                            Instant now) {
    }

    /** An unused code that expires within this time is worth a reminder. */
    public static final Duration PROMO_REMINDER_WINDOW = Duration.ofDays(7);

    private record Rule(Action action, Function<Situation, Optional<String>> reasonIfApplies) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Action.CART_REMINDER, NextBestAction::cartWaiting),
            new Rule(Action.FOLLOW_UP_CONVERSATION, NextBestAction::openConversation),
            new Rule(Action.PROMO_REMINDER, NextBestAction::codeAboutToExpire),
            new Rule(Action.AFTER_SALES_FOLLOW_UP,
                     s -> when(s.stage() == CONVERSION, "First purchase made: ask how it went")),
            new Rule(Action.LOYALTY_INVITATION, s -> when(s.stage() == RETENTION && !s.loyaltyMember(),
                                                          "Returning customer, not yet in a loyalty programme")),
            new Rule(Action.EXCLUSIVE_OFFER, s -> when(s.stage() == LOYALTY || s.stage() == RETENTION,
                                                       s.stage() == LOYALTY ? "Loyal customer"
                                                               : "Returning customer and loyalty member")),
            new Rule(Action.FIRST_PURCHASE_OFFER,
                     s -> when(s.stage() == ACQUISITION, "Known customer who has not bought yet")),
            new Rule(Action.WELCOME_OFFER, s -> Optional.of("New contact: nothing known beyond a first touchpoint")));

    private NextBestAction() {
    }

    public static Recommendation decide(Situation situation) {
        for (Rule rule : RULES) {
            Optional<String> reason = rule.reasonIfApplies().apply(situation);
            if (reason.isPresent()) {
                Channel channel = situation.preferredChannel();
                return new Recommendation(rule.action(), channel, channel != null ? reason.get()
                        : reason.get() + "; no marketing consent on any channel, so no channel to send it on");
            }
        }
        throw new IllegalStateException("the last rule applies to everyone");
    }

    private static Optional<String> cartWaiting(Situation s) {
        CartView cart = s.cart();
        boolean early = s.stage() == null || s.stage() == REACH || s.stage() == ACQUISITION;
        if (!early || cart == null || cart.items().isEmpty()) {
            return Optional.empty();
        }
        int units = cart.items().stream().mapToInt(CartView.Line::quantity).sum();
        return Optional.of(units + (units == 1 ? " item" : " items") + " (" + cart.total() + " " + cart.currency()
                                   + ") waiting in the cart");
    }

    private static Optional<String> openConversation(Situation s) {
        return s.conversations().stream().filter(CustomerProfile.Conversation::open).findFirst()
                .map(c -> "Conversation " + c.conversationId() + " (" + c.topic() + ") is still open on "
                        + c.channels().get(c.channels().size() - 1));
    }

    private static Optional<String> codeAboutToExpire(Situation s) {
        Instant horizon = s.now().plus(PROMO_REMINDER_WINDOW);
        return s.promotions().stream()
                .filter(p -> p.status() == PromotionStatus.AVAILABLE && !p.expiresAt().isAfter(horizon))
                .min(Comparator.comparing(Customer360.Promotion::expiresAt))
                .map(p -> "Code " + p.code() + " is unused and expires at " + p.expiresAt());
    }

    private static Optional<String> when(boolean applies, String reason) {
        return applies ? Optional.of(reason) : Optional.empty();
    }
}
