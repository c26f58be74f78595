package io.journeyengine.journey.lifecycle;

import io.journeyengine.journey.JourneyEvent;
import io.journeyengine.journey.Touchpoint;
import org.axonframework.serialization.Revision;

/**
 * The customer moved from stage {@code from} ({@code null} for a new customer) to {@code to} by {@code rule}, because
 * of {@code touchpoint}. Stages may be skipped: a first touchpoint that is a cart add goes straight to ACQUISITION.
 */
@Revision("1")
public record LifecycleStageAdvanced(String customerId, Touchpoint touchpoint, LifecycleStage from,
                                     LifecycleStage to, StageRule rule) implements JourneyEvent {
}
