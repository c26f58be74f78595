package io.journeyengine.journey.lifecycle;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The customer's lifecycle stage. Every touchpoint event feeds {@link LifecycleFacts} through its
 * {@link LifecycleSignal} (the same reduction the read side applies to stored touchpoints); after each touchpoint the
 * journey asks {@link #advanceFor(String, Touchpoint)} whether the facts now reach a later stage.
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
    void on(TouchpointEvent event) {
        facts = facts.with(LifecycleSignal.of(event), event.touchpoint().occurredAt());
    }

    @EventSourcingHandler
    void on(LifecycleStageAdvanced event) {
        stage = event.to();
        history.add(new Step(event.to(), event.rule(), event.touchpoint()));
    }
}
