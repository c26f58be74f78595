package io.journeyengine.journey.lifecycle;

import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.cart.CartItemAdded;
import io.journeyengine.journey.consent.ConsentChanged;
import io.journeyengine.journey.conversation.ConversationStarted;
import io.journeyengine.journey.identity.IdentityLinked;
import io.journeyengine.journey.loyalty.LoyaltyEnrolled;
import io.journeyengine.journey.order.OrderPickedUp;
import io.journeyengine.journey.order.OrderReturned;
import io.journeyengine.journey.order.Purchase;

/**
 * What one applied touchpoint tells the lifecycle rules, together with its {@code occurredAt}. The journey and the
 * read side both reduce touchpoints to these and fold them with {@link LifecycleFacts#with}, so the rules see the same
 * facts on the live journey and on a list of stored touchpoints (the funnel of a time range).
 */
public enum LifecycleSignal {
    /** Any other touchpoint, including a consent withdrawal: it only counts towards REACH. */
    TOUCHPOINT,
    IDENTITY_LINKED,
    CONSENT_GRANTED,
    CONVERSATION_STARTED,
    CART_ITEM_ADDED,
    PURCHASE,
    PICKUP,
    RETURN,
    LOYALTY_ENROLMENT;

    public static LifecycleSignal of(TouchpointEvent event) {
        if (event instanceof Purchase) return PURCHASE;
        if (event instanceof IdentityLinked) return IDENTITY_LINKED;
        if (event instanceof ConsentChanged consent) return consent.granted() ? CONSENT_GRANTED : TOUCHPOINT;
        if (event instanceof ConversationStarted) return CONVERSATION_STARTED;
        if (event instanceof CartItemAdded) return CART_ITEM_ADDED;
        if (event instanceof OrderPickedUp) return PICKUP;
        if (event instanceof OrderReturned) return RETURN;
        if (event instanceof LoyaltyEnrolled) return LOYALTY_ENROLMENT;
        return TOUCHPOINT;
    }
}
