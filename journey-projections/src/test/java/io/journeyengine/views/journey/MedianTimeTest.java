package io.journeyengine.views.journey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MedianTimeTest {

    @Test
    void anOddCountTakesTheMiddleValue() {
        // 11 525 400 ms = 3 h 12 min 5.4 s -> 5 s
        assertThat(MedianTime.ofSorted(new long[]{1_000, 11_525_400, 90_000_000})).isEqualTo("PT3H12M5S");
    }

    @Test
    void anEvenCountTakesTheMeanOfTheTwoMiddleValues() {
        // (2 000 + 5 000) / 2 = 3 500 ms -> 3.5 s -> 4 s half-up
        assertThat(MedianTime.ofSorted(new long[]{1_000, 2_000, 5_000, 60_000})).isEqualTo("PT4S");
    }

    @Test
    void roundingIsHalfUpOnWholeSecondsAfterTheMean() {
        // (1 499 + 1 500) / 2 = 1 499.5 ms -> 1.4995 s -> 1 s
        assertThat(MedianTime.of(1_499, 1_500)).isEqualTo("PT1S");
        // 1 500 ms -> 2 s; 499 ms -> 0 s
        assertThat(MedianTime.of(1_500, 1_500)).isEqualTo("PT2S");
        assertThat(MedianTime.of(499, 499)).isEqualTo("PT0S");
    }

    @Test
    void noValuesNoMedian() {
        assertThat(MedianTime.ofSorted(new long[0])).isNull();
    }
}
