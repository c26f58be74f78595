package io.journeyengine.views.lifecycle;

import io.journeyengine.journey.lifecycle.LifecycleStage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle funnel: {@code customers} with at least one applied touchpoint and, for every stage in order, how
 * many are in it now ({@code current}), how many got at least this far ({@code reached}: this stage or a later one,
 * which holds because stages only advance) and the share of those that got to the next stage ({@code rateToNext},
 * {@code null} for the last stage or when nobody reached this one).
 */
public record Funnel(long customers, List<Stage> stages) {

    public record Stage(LifecycleStage stage, long current, long reached, BigDecimal rateToNext) {
    }

    /** The funnel of these per-stage counts of customers; stages missing from the map count 0. */
    public static Funnel of(Map<LifecycleStage, Long> current) {
        LifecycleStage[] order = LifecycleStage.values();
        long[] reached = new long[order.length + 1];
        for (int i = order.length - 1; i >= 0; i--) {
            reached[i] = reached[i + 1] + current.getOrDefault(order[i], 0L);
        }
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            boolean last = i == order.length - 1;
            stages.add(new Stage(order[i], current.getOrDefault(order[i], 0L), reached[i],
                                 last ? null : rate(reached[i + 1], reached[i])));
        }
        return new Funnel(reached[0], stages);
    }

    /** A fraction rounded half-up to 4 decimals; {@code null} when the denominator is 0. */
    static BigDecimal rate(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }
}
