package io.journeyengine.views.support;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How figures are rounded on the read side: rates to 4 decimals, means to 2, half-up; nothing over zero is null. */
public final class Rates {

    private Rates() {
    }

    /** {@code part / whole} rounded half-up to 4 decimals, or null when {@code whole} is 0. */
    public static BigDecimal rate(long part, long whole) {
        return divide(part, whole, 4);
    }

    /** {@code sum / count} rounded half-up to 2 decimals, or null when {@code count} is 0. */
    public static BigDecimal mean(long sum, long count) {
        return divide(sum, count, 2);
    }

    private static BigDecimal divide(long dividend, long divisor, int scale) {
        return divisor == 0 ? null
                : BigDecimal.valueOf(dividend).divide(BigDecimal.valueOf(divisor), scale, RoundingMode.HALF_UP);
    }
}
