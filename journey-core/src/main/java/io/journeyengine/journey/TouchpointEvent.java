package io.journeyengine.journey;

/**
 * The record of one applied touchpoint. Every applied touchpoint produces exactly one event of this kind, so
 * counting touchpoints is counting these events; the other events of a journey (a code redeemed, a stage reached)
 * are consequences and implement {@link JourneyEvent} only.
 */
public interface TouchpointEvent extends JourneyEvent {
    Touchpoint touchpoint();
}
