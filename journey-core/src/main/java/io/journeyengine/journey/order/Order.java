package io.journeyengine.journey.order;

import io.journeyengine.journey.Channel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as the journey remembers it, for pickups, returns and reinstating its code, and with its lines so that a
 * merge can hand the whole order to the surviving profile.
 */
public record Order(String orderId, Channel channel, Instant placedAt, Fulfilment fulfilment, String storeId,
                    List<OrderLine> lines, BigDecimal total, String currency, String promoCode, boolean pickedUp,
                    boolean returned) {

    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    Order markPickedUp() {
        return new Order(orderId, channel, placedAt, fulfilment, storeId, lines, total, currency, promoCode, true,
                         returned);
    }

    Order markReturned() {
        return new Order(orderId, channel, placedAt, fulfilment, storeId, lines, total, currency, promoCode, pickedUp,
                         true);
    }
}
