package io.journeyengine.journey.order;

import io.journeyengine.journey.JourneyRuleViolation;
import io.journeyengine.journey.RuleCode;
import io.journeyengine.journey.merge.ProfileMerged;
import io.journeyengine.journey.merge.ProfileUnmerged;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The customer's orders, online and in store. */
public class Orders {

    private final Map<String, Order> byId = new LinkedHashMap<>();

    public void checkNew(String orderId) {
        if (byId.containsKey(orderId)) {
            throw new JourneyRuleViolation(RuleCode.ORDER_EXISTS, "Order " + orderId + " is already recorded",
                                           Map.of("orderId", orderId));
        }
    }

    public Order checkCanPickUp(String orderId) {
        Order order = existing(orderId);
        if (order.fulfilment() != Fulfilment.STORE_PICKUP) {
            throw new JourneyRuleViolation(RuleCode.ORDER_NOT_FOR_PICKUP,
                                           "Order " + orderId + " is not for store pickup",
                                           Map.of("orderId", orderId));
        }
        if (order.pickedUp()) {
            throw new JourneyRuleViolation(RuleCode.ORDER_ALREADY_PICKED_UP,
                                           "Order " + orderId + " was already picked up", Map.of("orderId", orderId));
        }
        return order;
    }

    public Order checkCanReturn(String orderId) {
        Order order = existing(orderId);
        if (order.returned()) {
            throw new JourneyRuleViolation(RuleCode.ORDER_ALREADY_RETURNED,
                                           "Order " + orderId + " was already returned", Map.of("orderId", orderId));
        }
        return order;
    }

    private Order existing(String orderId) {
        Order order = byId.get(orderId);
        if (order == null) {
            throw new JourneyRuleViolation(RuleCode.ORDER_UNKNOWN, "The customer has no order " + orderId,
                                           Map.of("orderId", orderId));
        }
        return order;
    }

    public List<Order> all() {
        return List.copyOf(byId.values());
    }

    /** The orders of a merged profile this journey takes: those whose id it does not hold already. */
    public List<Order> toTake(List<Order> theirs) {
        return theirs.stream().filter(o -> !byId.containsKey(o.orderId())).toList();
    }

    /** An order among {@code moved} that changed since it moved here (picked up, returned). */
    public Optional<Order> changedSince(List<Order> moved) {
        return moved.stream().filter(o -> !o.equals(byId.get(o.orderId()))).findFirst();
    }

    @EventSourcingHandler
    void on(ProfileMerged event) {
        event.profile().orders().forEach(o -> byId.put(o.orderId(), o));
    }

    @EventSourcingHandler
    void on(ProfileUnmerged event) {
        event.returned().orders().forEach(o -> byId.remove(o.orderId()));
    }

    @EventSourcingHandler
    void on(CheckoutCompleted event) {
        byId.put(event.orderId(), new Order(event.orderId(), event.touchpoint().channel(),
                                            event.touchpoint().occurredAt(), event.fulfilment(), event.storeId(),
                                            event.lines(), event.total(), event.currency(), event.promoCode(),
                                            false, false));
    }

    @EventSourcingHandler
    void on(InStorePurchaseMade event) {
        // A till basket leaves the store with the customer: it is never "for pickup".
        byId.put(event.orderId(), new Order(event.orderId(), event.touchpoint().channel(),
                                            event.touchpoint().occurredAt(), null, event.storeId(), event.lines(),
                                            event.total(), event.currency(), event.promoCode(), false, false));
    }

    @EventSourcingHandler
    void on(OrderPickedUp event) {
        byId.computeIfPresent(event.orderId(), (id, order) -> order.markPickedUp());
    }

    @EventSourcingHandler
    void on(OrderReturned event) {
        byId.computeIfPresent(event.orderId(), (id, order) -> order.markReturned());
    }
}
