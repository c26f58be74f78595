package io.journeyengine.views.cart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The customer's one cart: {@code total} is the sum of the lines in the cart's currency; {@code updatedAt} the
 * business time of the latest cart change. Money is a decimal string on the wire.
 */
public record CartView(String customerId, String currency, List<Line> items, String total, Instant updatedAt) {

    /** A product in the cart and the channel it was first added on. */
    public record Line(String sku, int quantity, String unitPrice, String addedVia) {
    }

    static BigDecimal sum(List<Line> items) {
        return items.stream()
                    .map(l -> new BigDecimal(l.unitPrice()).multiply(BigDecimal.valueOf(l.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
