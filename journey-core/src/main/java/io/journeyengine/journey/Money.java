package io.journeyengine.journey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money arithmetic in a currency's own minor units (two decimals for EUR, none for JPY). */
public final class Money {

    private Money() {
    }

    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(fractionDigits(currency), RoundingMode.HALF_UP);
    }

    public static int fractionDigits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    public static BigDecimal zero(String currency) {
        return round(BigDecimal.ZERO, currency);
    }
}
