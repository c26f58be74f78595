package io.journeyengine.api.readside;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The test's own reading of DESIGN.md "Lifecycle stages": the highest stage a set of touchpoints reaches, and the
 * rule (docs/events.md names them) that reaches it, checked from the top down.
 */
final class Lifecycle {

    static final List<String> STAGES = List.of("REACH", "ACQUISITION", "CONVERSION", "RETENTION", "LOYALTY");

    record Reached(String stage, String rule) {
        int rank() {
            return STAGES.indexOf(stage);
        }
    }

    private Lifecycle() {
    }

    static Reached of(Collection<Touch> touches) {
        List<Touch> purchases = touches.stream().filter(Touch::isPurchase).toList();
        Instant firstPurchase = purchases.stream().map(Touch::occurredAt).min(Instant::compareTo).orElse(null);
        Predicate<String> afterFirstPurchase = type -> firstPurchase != null && touches.stream()
                .anyMatch(t -> t.type().equals(type) && t.occurredAt().isAfter(firstPurchase));
        Predicate<String> any = type -> touches.stream().anyMatch(t -> t.type().equals(type));
        if (purchases.size() >= 3) {
            return new Reached("LOYALTY", "THIRD_PURCHASE");
        }
        if (afterFirstPurchase.test("LOYALTY_ENROLLED")) {
            return new Reached("LOYALTY", "LOYALTY_ENROLLED_AFTER_PURCHASE");
        }
        if (purchases.size() == 2) {
            return new Reached("RETENTION", "SECOND_PURCHASE");
        }
        if (afterFirstPurchase.test("ORDER_PICKED_UP")) {
            return new Reached("RETENTION", "PICKUP_AFTER_PURCHASE");
        }
        if (afterFirstPurchase.test("ORDER_RETURNED")) {
            return new Reached("RETENTION", "RETURN_AFTER_PURCHASE");
        }
        if (afterFirstPurchase.test("CONVERSATION_STARTED")) {
            return new Reached("RETENTION", "CONVERSATION_AFTER_PURCHASE");
        }
        if (purchases.size() == 1) {
            return new Reached("CONVERSION", "FIRST_PURCHASE");
        }
        if (any.test("IDENTITY_LINKED")) {
            return new Reached("ACQUISITION", "IDENTITY_LINKED");
        }
        if (touches.stream().anyMatch(t -> t.type().equals("CONSENT_CHANGED") && t.data().path("granted").asBoolean())) {
            return new Reached("ACQUISITION", "CONSENT_GRANTED");
        }
        if (any.test("CONVERSATION_STARTED")) {
            return new Reached("ACQUISITION", "CONVERSATION_STARTED");
        }
        if (any.test("CART_ITEM_ADDED")) {
            return new Reached("ACQUISITION", "CART_ITEM_ADDED");
        }
        return touches.isEmpty() ? null : new Reached("REACH", "ANY_TOUCHPOINT");
    }
}
