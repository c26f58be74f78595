package io.journeyengine.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles and the number formats of the report. */
final class Stats {

    private Stats() {
    }

    /** The {@code p}-th percentile (0..100, nearest rank) of the first {@code n} nanosecond values, in ms. */
    static double percentileMillis(long[] nanos, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
    }

    /** 3412.4 → "3,412". */
    static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    /** Milliseconds with a precision that suits the size: 0.42, 4.1, 18, 1,250. */
    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%,d ms", Math.round(ms));
    }

    /** 0.16 → "16%", 0.0023 → "0.2%". */
    static String percent(double part, double whole) {
        if (!(whole > 0)) {
            return "-";
        }
        double percent = 100 * part / whole;
        return percent < 9.95 ? String.format(Locale.ROOT, "%.1f%%", percent) : Math.round(percent) + "%";
    }
}
