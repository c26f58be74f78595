package io.journeyengine.views.support;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CountersTest {

    private static final CounterTable PAIRS = new CounterTable("pair_stats", List.of("a", "b"), List.of("n", "m"));

    @Test
    void sumsPerRowAndColumnAndTakesContributionsBackOut() {
        Counters one = new Counters();
        one.add(PAIRS, List.of("WEB", "APP"), "n", 2);
        one.add(PAIRS, List.of("SMS", "WEB"), "m", 1);
        Counters total = new Counters();
        total.addAll(one, 1);
        total.addAll(one, 1);
        total.add(PAIRS, List.of("SMS", "WEB"), "m", -2);

        assertThat(total.get(PAIRS, List.of("WEB", "APP"), "n")).isEqualTo(4);
        assertThat(total.get(PAIRS, List.of("SMS", "WEB"), "m")).isZero();
        assertThat(total.get(PAIRS, List.of("KIOSK", "WEB"), "n")).isZero();
        assertThat(total.total(PAIRS, "n")).isEqualTo(4);
        // Key order is the order rows are written in: the same in every transaction.
        assertThat(total.keys(PAIRS)).containsExactly(List.of("SMS", "WEB"), List.of("WEB", "APP"));
    }

    @Test
    void tablesKnowTheirStatements() {
        assertThat(PAIRS.increment()).isEqualTo("UPDATE pair_stats SET n = n + ?, m = m + ? WHERE a = ? AND b = ?");
        assertThat(PAIRS.insert()).isEqualTo("INSERT INTO pair_stats (a, b, n, m) VALUES (?, ?, ?, ?)");
        assertThat(PAIRS.zero()).isEqualTo("UPDATE pair_stats SET n = 0, m = 0");
    }

    @Test
    void ratesAreRoundedHalfUpAndNullOverZero() {
        assertThat(Rates.rate(1, 3)).hasToString("0.3333");
        assertThat(Rates.rate(2, 3)).hasToString("0.6667");
        assertThat(Rates.rate(1, 0)).isNull();
        assertThat(Rates.mean(5, 2)).hasToString("2.50");
        assertThat(Rates.mean(0, 0)).isNull();
    }
}
