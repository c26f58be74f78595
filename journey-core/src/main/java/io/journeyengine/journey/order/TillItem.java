package io.journeyengine.journey.order;

import java.math.BigDecimal;

/** A line of a till basket as the store reports it, each with its own currency. */
public record TillItem(String sku, int quantity, BigDecimal unitPrice, String currency) {
}
