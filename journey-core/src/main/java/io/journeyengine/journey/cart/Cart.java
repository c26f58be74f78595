package io.journeyengine.journey.cart;

import io.journeyengine.journey.JourneyRuleViolation;
import io.journeyengine.journey.RuleCode;
import io.journeyengine.journey.order.CheckoutCompleted;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer's one cart across every channel: what the web added, the app shows and the checkout buys.
 * One currency per cart; it is set by the first line and released when the cart is empty again.
 */
public class Cart {

    private final Map<String, CartLine> lines = new LinkedHashMap<>();
    private String currency;

    public void checkCanAdd(String sku, String itemCurrency) {
        if (currency != null && !currency.equals(itemCurrency)) {
            throw new JourneyRuleViolation(RuleCode.CURRENCY_MISMATCH,
                                           "The cart is in " + currency + "; " + sku + " is priced in " + itemCurrency,
                                           Map.of("cartCurrency", currency, "itemCurrency", itemCurrency));
        }
    }

    public void checkCanRemove(String sku, int quantity) {
        int held = quantityOf(sku);
        if (quantity > held) {
            throw new JourneyRuleViolation(RuleCode.CART_QUANTITY_EXCEEDED,
                                           "Cannot remove " + quantity + " of " + sku + ": the cart holds " + held,
                                           Map.of("sku", sku, "held", held, "requested", quantity));
        }
    }

    public void checkNotEmpty() {
        if (lines.isEmpty()) {
            throw new JourneyRuleViolation(RuleCode.CART_EMPTY, "The cart is empty: there is nothing to check out");
        }
    }

    public int quantityOf(String sku) {
        CartLine line = lines.get(sku);
        return line == null ? 0 : line.quantity();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public List<CartLine> lines() {
        return List.copyOf(lines.values());
    }

    public String currency() {
        return currency;
    }

    @EventSourcingHandler
    void on(CartItemAdded event) {
        // A product added again keeps the channel it was first added on and takes the latest price.
        lines.merge(event.sku(),
                    new CartLine(event.sku(), event.quantity(), event.unitPrice(), event.currency(),
                                 event.touchpoint().channel()),
                    (old, added) -> new CartLine(old.sku(), old.quantity() + added.quantity(), added.unitPrice(),
                                                 added.currency(), old.addedVia()));
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(CartItemRemoved event) {
        CartLine line = lines.get(event.sku());
        int left = line.quantity() - event.quantity();
        if (left > 0) {
            lines.put(event.sku(), new CartLine(line.sku(), left, line.unitPrice(), line.currency(), line.addedVia()));
        } else {
            lines.remove(event.sku());
        }
        if (lines.isEmpty()) {
            currency = null;
        }
    }

    @EventSourcingHandler
    void on(CheckoutCompleted event) {
        // A checkout buys the whole cart, whichever channel it happens on.
        lines.clear();
        currency = null;
    }
}
