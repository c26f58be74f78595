package io.journeyengine.journey.lifecycle;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.cart.CartItemAdded;
import io.journeyengine.journey.consent.ConsentChanged;
import io.journeyengine.journey.conversation.ConversationStarted;
import io.journeyengine.journey.identity.IdentityLinked;
import io.journeyengine.journey.loyalty.LoyaltyEnrolled;
import io.journeyengine.journey.order.OrderPickedUp;
import io.journeyengine.journey.order.OrderReturned;
import io.journeyengine.journey.order.Purchase;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The customer's lifecycle stage. The touchpoint events feed {@link LifecycleFacts}; after each touchpoint the journey
 * asks {@link #advanceFor(String, Touchpoint)} whether the facts now reach a later stage.
 */
public class Lifecycle {

    /** One step of the stage history. */
    public record Step(LifecycleStage stage, StageRule rule, Touchpoint touchpoint) {
    }

    private LifecycleFacts facts = LifecycleFacts.NONE;
    private LifecycleStage stage;
    private final List<Step> history = new ArrayList<>();

    /** The stage advance {@code touchpoint} causes, if the facts now reach beyond the current stage. */
    public Optional<LifecycleStageAdvanced> advanceFor(String customerId, Touchpoint touchpoint) {
        return facts.highestRule()
                    .filter(rule -> rule.stage.isAfter(stage))
                    .map(rule -> new LifecycleStageAdvanced(customerId, touchpoint, stage, rule.stage, rule));
    }

    public LifecycleStage stage() {
        return stage;
    }

    public List<Step> history() {
        return List.copyOf(history);
    }

    public LifecycleFacts facts() {
        return facts;
    }

    @EventSourcingHandler
    void on(IdentityLinked event) {
        facts = facts.withIdentityLinked();
    }

    @EventSourcingHandler
    void on(ConsentChanged event) {
        // Only this handler sees the event (Axon picks the most specific one), so a withdrawal must still count as a
        // touchpoint for REACH here.
        facts = event.granted() ? facts.withConsentGranted() : facts.withTouchpoint();
    }

    @EventSourcingHandler
    void on(ConversationStarted event) {
        facts = facts.withConversationStarted(event.touchpoint().occurredAt());
    }

    @EventSourcingHandler
    void on(CartItemAdded event) {
        facts = facts.withCartItemAdded();
    }

    @EventSourcingHandler
    void on(Purchase event) {
        facts = facts.withPurchase(event.touchpoint().occurredAt());
    }

    @EventSourcingHandler
    void on(OrderPickedUp event) {
        facts = facts.withPickup(event.touchpoint().occurredAt());
    }

    @EventSourcingHandler
    void on(OrderReturned event) {
        facts = facts.withReturn(event.touchpoint().occurredAt());
    }

    @EventSourcingHandler
    void on(LoyaltyEnrolled event) {
        facts = facts.withLoyaltyEnrolment(event.touchpoint().occurredAt());
    }

    /** Every other touchpoint only counts towards REACH. Axon picks the most specific handler of this class. */
    @EventSourcingHandler
    void on(TouchpointEvent event) {
        facts = facts.withTouchpoint();
    }

    @EventSourcingHandler
    void on(LifecycleStageAdvanced event) {
        stage = event.to();
        history.add(new Step(event.to(), event.rule(), event.touchpoint()));
    }
}
