package io.journeyengine.journey.lifecycle;

import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.TouchpointEvent;
import io.journeyengine.journey.order.Purchase;

/**
 * One applied touchpoint as the journey's history keeps it: which touchpoint, what it tells the lifecycle rules, and
 * whether it was a purchase. A profile merged into another hands its history over in this form, so the survivor's
 * stage and the analytics views can count the merged touchpoints as the survivor's own.
 */
public record AppliedTouchpoint(Touchpoint touchpoint, LifecycleSignal signal, boolean purchase) {

    public static AppliedTouchpoint of(TouchpointEvent event) {
        return new AppliedTouchpoint(event.touchpoint(), LifecycleSignal.of(event), event instanceof Purchase);
    }
}
