package io.journeyengine.journey.lifecycle;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileUnmerged;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The customer's lifecycle stage. Every touchpoint event feeds {@link LifecycleFacts} through its
 * {@link LifecycleSignal} (the same reduction the read side applies to stored touchpoints); after each touchpoint the
 * journey asks {@link #advanceFor(String, Touchpoint)} whether the facts now reach a later stage.
 * <p>
 * The applied touchpoints are kept as well, the journey's own apart from those of each merged profile: a merge adds
 * the merged history to the facts, and undoing it folds the facts again without that history.
 */
public class Lifecycle {

    /** One step of the stage history; {@code touchpoint} is null for a correction after an unmerge. */
    public record Step(LifecycleStage stage, StageRule rule, Touchpoint touchpoint) {
    }

    private LifecycleFacts facts = LifecycleFacts.NONE;
    private LifecycleStage stage;
    private final List<Step> history = new ArrayList<>();
    private final List<AppliedTouchpoint> own = new ArrayList<>();
    private final Map<String, List<AppliedTouchpoint>> merged = new LinkedHashMap<>();

    /** The stage advance {@code touchpoint} causes, if the facts now reach beyond the current stage. */
    public Optional<LifecycleStageAdvanced> advanceFor(String customerId, Touchpoint touchpoint) {
        return facts.highestRule()
                    .filter(rule -> rule.stage.isAfter(stage))
                    .map(rule -> new LifecycleStageAdvanced(customerId, touchpoint, stage, rule.stage, rule));
    }

    /** After an unmerge: the stage the remaining touchpoints give, if it is not the current one. */
    public Optional<LifecycleStageCorrected> correctionFor(String customerId, Instant at, String unmergedCustomerId) {
        return facts.highestRule()
                    .filter(rule -> rule.stage != stage)
                    .map(rule -> new LifecycleStageCorrected(customerId, at, stage, rule.stage, rule,
                                                             unmergedCustomerId));
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

    /** Every applied touchpoint that counts for this customer: its own, then those of the profiles merged into it. */
    public List<AppliedTouchpoint> applied() {
        List<AppliedTouchpoint> all = new ArrayList<>(own);
        merged.values().forEach(all::addAll);
        return all;
    }

    @EventSourcingHandler
    void on(TouchpointEvent event) {
        AppliedTouchpoint touchpoint = AppliedTouchpoint.of(event);
        own.add(touchpoint);
        facts = facts.with(touchpoint.signal(), touchpoint.touchpoint().occurredAt());
    }

    @EventSourcingHandler
    void on(LifecycleStageAdvanced event) {
        stage = event.to();
        history.add(new Step(event.to(), event.rule(), event.touchpoint()));
    }

    @EventSourcingHandler
    void on(ProfileMerged event) {
        List<AppliedTouchpoint> theirs = event.profile().history();
        merged.put(event.mergedCustomerId(), theirs);
        for (AppliedTouchpoint touchpoint : theirs) {
            facts = facts.with(touchpoint.signal(), touchpoint.touchpoint().occurredAt());
        }
    }

    @EventSourcingHandler
    void on(ProfileUnmerged event) {
        merged.remove(event.mergedCustomerId());
        // The facts are a fold of a set, so the remaining touchpoints give them again exactly.
        LifecycleFacts refolded = LifecycleFacts.NONE;
        for (AppliedTouchpoint touchpoint : applied()) {
            refolded = refolded.with(touchpoint.signal(), touchpoint.touchpoint().occurredAt());
        }
        facts = refolded;
    }

    @EventSourcingHandler
    void on(LifecycleStageCorrected event) {
        stage = event.to();
        history.add(new Step(event.to(), event.rule(), null));
    }
}
