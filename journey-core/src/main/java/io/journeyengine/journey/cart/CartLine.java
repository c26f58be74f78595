package io.journeyengine.journey.cart;

import io.journeyengine.journey.Channel;

import java.math.BigDecimal;

/** One product in the cart: how many, at what unit price, and the channel it was first added on. */
public record CartLine(String sku, int quantity, BigDecimal unitPrice, String currency, Channel addedVia) {

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
