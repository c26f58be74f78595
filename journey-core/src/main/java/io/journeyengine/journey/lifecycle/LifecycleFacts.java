package io.journeyengine.journey.lifecycle;

import java.time.Instant;
import java.util.Optional;

/**
 * What the lifecycle rules need to know about a customer's applied touchpoints, and nothing else.
 * <p>
 * The rules are a function of the <em>set</em> of touchpoints, so the facts must not depend on arrival order: for
 * "X after the first purchase" it is enough to keep the latest X, because some X is after the first purchase exactly
 * when the latest one is; a late purchase can only move the first purchase earlier.
 */
public record LifecycleFacts(boolean anyTouchpoint, boolean identityLinked, boolean consentGranted,
                             boolean conversationStarted, boolean cartItemAdded, int purchases,
                             Instant firstPurchaseAt, Instant latestPickup, Instant latestReturn,
                             Instant latestConversationStart, Instant latestLoyaltyEnrolment) {

    public static final LifecycleFacts NONE =
            new LifecycleFacts(false, false, false, false, false, 0, null, null, null, null, null);

    /** The highest stage these facts reach and the rule that reaches it, in the order DESIGN.md lists the rules. */
    public Optional<StageRule> highestRule() {
        if (purchases >= 3) return Optional.of(StageRule.THIRD_PURCHASE);
        if (afterFirstPurchase(latestLoyaltyEnrolment)) return Optional.of(StageRule.LOYALTY_ENROLLED_AFTER_PURCHASE);
        if (purchases == 2) return Optional.of(StageRule.SECOND_PURCHASE);
        if (afterFirstPurchase(latestPickup)) return Optional.of(StageRule.PICKUP_AFTER_PURCHASE);
        if (afterFirstPurchase(latestReturn)) return Optional.of(StageRule.RETURN_AFTER_PURCHASE);
        if (afterFirstPurchase(latestConversationStart)) return Optional.of(StageRule.CONVERSATION_AFTER_PURCHASE);
        if (purchases == 1) return Optional.of(StageRule.FIRST_PURCHASE);
        if (identityLinked) return Optional.of(StageRule.IDENTITY_LINKED);
        if (consentGranted) return Optional.of(StageRule.CONSENT_GRANTED);
        if (conversationStarted) return Optional.of(StageRule.CONVERSATION_STARTED);
        if (cartItemAdded) return Optional.of(StageRule.CART_ITEM_ADDED);
        if (anyTouchpoint) return Optional.of(StageRule.ANY_TOUCHPOINT);
        return Optional.empty();
    }

    /**
     * These facts plus one more applied touchpoint, given as its {@link LifecycleSignal} and {@code occurredAt}. The
     * result does not depend on the order in which touchpoints are added.
     */
    public LifecycleFacts with(LifecycleSignal signal, Instant at) {
        return switch (signal) {
            case TOUCHPOINT -> withTouchpoint();
            case IDENTITY_LINKED -> withIdentityLinked();
            case CONSENT_GRANTED -> withConsentGranted();
            case CONVERSATION_STARTED -> withConversationStarted(at);
            case CART_ITEM_ADDED -> withCartItemAdded();
            case PURCHASE -> withPurchase(at);
            case PICKUP -> withPickup(at);
            case RETURN -> withReturn(at);
            case LOYALTY_ENROLMENT -> withLoyaltyEnrolment(at);
        };
    }

    private boolean afterFirstPurchase(Instant at) {
        return firstPurchaseAt != null && at != null && at.isAfter(firstPurchaseAt);
    }

    private LifecycleFacts withTouchpoint() {
        return new LifecycleFacts(true, identityLinked, consentGranted, conversationStarted, cartItemAdded, purchases,
                                  firstPurchaseAt, latestPickup, latestReturn, latestConversationStart,
                                  latestLoyaltyEnrolment);
    }

    private LifecycleFacts withIdentityLinked() {
        return new LifecycleFacts(true, true, consentGranted, conversationStarted, cartItemAdded, purchases,
                                  firstPurchaseAt, latestPickup, latestReturn, latestConversationStart,
                                  latestLoyaltyEnrolment);
    }

    private LifecycleFacts withConsentGranted() {
        return new LifecycleFacts(true, identityLinked, true, conversationStarted, cartItemAdded, purchases,
                                  firstPurchaseAt, latestPickup, latestReturn, latestConversationStart,
                                  latestLoyaltyEnrolment);
    }

    private LifecycleFacts withConversationStarted(Instant at) {
        return new LifecycleFacts(true, identityLinked, consentGranted, true, cartItemAdded, purchases,
                                  firstPurchaseAt, latestPickup, latestReturn, latest(latestConversationStart, at),
                                  latestLoyaltyEnrolment);
    }

    private LifecycleFacts withCartItemAdded() {
        return new LifecycleFacts(true, identityLinked, consentGranted, conversationStarted, true, purchases,
                                  firstPurchaseAt, latestPickup, latestReturn, latestConversationStart,
                                  latestLoyaltyEnrolment);
    }

    private LifecycleFacts withPurchase(Instant at) {
        Instant first = firstPurchaseAt == null || at.isBefore(firstPurchaseAt) ? at : firstPurchaseAt;
        return new LifecycleFacts(true, identityLinked, consentGranted, conversationStarted, cartItemAdded,
                                  purchases + 1, first, latestPickup, latestReturn, latestConversationStart,
                                  latestLoyaltyEnrolment);
    }

    private LifecycleFacts withPickup(Instant at) {
        return new LifecycleFacts(true, identityLinked, consentGranted, conversationStarted, cartItemAdded, purchases,
                                  firstPurchaseAt, latest(latestPickup, at), latestReturn, latestConversationStart,
                                  latestLoyaltyEnrolment);
    }

    private LifecycleFacts withReturn(Instant at) {
        return new LifecycleFacts(true, identityLinked, consentGranted, conversationStarted, cartItemAdded, purchases,
                                  firstPurchaseAt, latestPickup, latest(latestReturn, at), latestConversationStart,
                                  latestLoyaltyEnrolment);
    }

    private LifecycleFacts withLoyaltyEnrolment(Instant at) {
        return new LifecycleFacts(true, identityLinked, consentGranted, conversationStarted, cartItemAdded, purchases,
                                  firstPurchaseAt, latestPickup, latestReturn, latestConversationStart,
                                  latest(latestLoyaltyEnrolment, at));
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
