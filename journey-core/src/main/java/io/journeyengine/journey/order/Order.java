package io.journeyengine.journey.order;

import io.journeyengine.journey.Channel;

import java.math.BigDecimal;
import java.time.Instant;

/** An order as the journey remembers it, for pickups, returns and reinstating its code. */
public record Order(String orderId, Channel channel, Instant placedAt, Fulfilment fulfilment, String storeId,
                    BigDecimal total, String currency, String promoCode, boolean pickedUp, boolean returned) {

    Order markPickedUp() {
        return new Order(orderId, channel, placedAt, fulfilment, storeId, total, currency, promoCode, true, returned);
    }

    Order markReturned() {
        return new Order(orderId, channel, placedAt, fulfilment, storeId, total, currency, promoCode, pickedUp, true);
    }
}
