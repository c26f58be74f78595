package io.journeyengine.journey.lifecycle;

/** The rule of DESIGN.md that put a customer in a stage. */
public enum StageRule {
    ANY_TOUCHPOINT(LifecycleStage.REACH),
    IDENTITY_LINKED(LifecycleStage.ACQUISITION),
    CONSENT_GRANTED(LifecycleStage.ACQUISITION),
    CONVERSATION_STARTED(LifecycleStage.ACQUISITION),
    CART_ITEM_ADDED(LifecycleStage.ACQUISITION),
    FIRST_PURCHASE(LifecycleStage.CONVERSION),
    SECOND_PURCHASE(LifecycleStage.RETENTION),
    PICKUP_AFTER_PURCHASE(LifecycleStage.RETENTION),
    RETURN_AFTER_PURCHASE(LifecycleStage.RETENTION),
    CONVERSATION_AFTER_PURCHASE(LifecycleStage.RETENTION),
    THIRD_PURCHASE(LifecycleStage.LOYALTY),
    LOYALTY_ENROLLED_AFTER_PURCHASE(LifecycleStage.LOYALTY);

    public final LifecycleStage stage;

    StageRule(LifecycleStage stage) {
        this.stage = stage;
    }
}
