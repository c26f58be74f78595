package io.journeyengine.journey.lifecycle;

import io.journeyengine.journey.JourneyEvent;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The customer's stage was set back from {@code from} to {@code to} (reached by {@code rule}) at {@code at}, because
 * touchpoints that had counted for it turned out to be another customer's: a wrong merge was undone. The only event
 * that lowers a stage; a journey's own touchpoints only ever advance it.
 */
@Revision("1")
public record LifecycleStageCorrected(String customerId, Instant at, LifecycleStage from, LifecycleStage to,
                                      StageRule rule, String unmergedCustomerId) implements JourneyEvent {
}
