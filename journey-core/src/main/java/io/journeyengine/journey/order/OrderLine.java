package io.journeyengine.journey.order;

import java.math.BigDecimal;

/** A product bought: how many at what unit price. */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
