package io.journeyengine.journey.lifecycle;

/** Where a customer is in their relationship with the retailer; stages only ever advance. */
public enum LifecycleStage {
    REACH, ACQUISITION, CONVERSION, RETENTION, LOYALTY;

    public boolean isAfter(LifecycleStage other) {
        return other == null || compareTo(other) > 0;
    }
}
