package io.journeyengine.views.lifecycle;

import io.journeyengine.journey.lifecycle.LifecycleStage;
import io.journeyengine.journey.lifecycle.StageRule;

import java.time.Instant;
import java.util.List;

/** A customer's current stage and how it got there, oldest step first. */
public record CustomerLifecycle(String customerId, LifecycleStage stage, List<Step> stageHistory) {

    /** A stage reached: when (the touchpoint's {@code occurredAt}), by which rule, through which touchpoint. */
    public record Step(LifecycleStage stage, Instant at, StageRule rule, String touchpointId) {
    }
}
