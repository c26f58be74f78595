package io.journeyengine.journey.promotion;

import io.journeyengine.journey.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a promo code takes off: a percentage of the order, or a fixed amount in one currency. Exactly one of
 * {@code percent} and {@code amount} is set.
 */
public record Discount(BigDecimal percent, BigDecimal amount, String currency) {

    public Discount {
        if ((percent == null) == (amount == null)) {
            throw new IllegalArgumentException("a discount is either a percentage or an amount");
        }
        if (amount != null) {
            Objects.requireNonNull(currency, "currency of a discount amount");
        }
    }

    public static Discount percent(BigDecimal percent) {
        return new Discount(percent, null, null);
    }

    public static Discount amount(BigDecimal amount, String currency) {
        return new Discount(null, amount, currency);
    }

    /** Whether this discount can apply to an order in {@code orderCurrency}. */
    public boolean appliesTo(String orderCurrency) {
        return percent != null || currency.equals(orderCurrency);
    }

    /** The amount taken off {@code subtotal}; never more than the subtotal itself. */
    public BigDecimal off(BigDecimal subtotal, String orderCurrency) {
        BigDecimal off = percent != null
                ? subtotal.multiply(percent).movePointLeft(2)
                : amount;
        return Money.round(off.min(subtotal), orderCurrency);
    }
}
