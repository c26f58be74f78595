package io.journeyengine.api.readside;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Currency;
import java.util.List;

/** The rounding conventions of the read side, written out once for the test's model. */
final class Figures {

    private Figures() {
    }

    /** A fraction rounded half-up to 4 decimals; null when the denominator is 0. */
    static BigDecimal rate(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    /** A mean rounded half-up to 2 decimals; null for no values. */
    static BigDecimal mean2(long sum, long count) {
        return count == 0 ? null
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    /** The median of millisecond durations (mean of the middle two for an even count), in whole seconds half-up. */
    static String median(List<Long> millis) {
        if (millis.isEmpty()) {
            return null;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1)).add(BigDecimal.valueOf(sorted.get(n / 2)))
                            .divide(BigDecimal.valueOf(2));
        long seconds = median.divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP).longValueExact();
        return Duration.ofSeconds(seconds).toString();
    }

    /** An amount in its currency's minor units, as a decimal string. */
    static BigDecimal money(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }
}
