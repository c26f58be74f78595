package io.journeyengine.views.lifecycle;

import io.journeyengine.journey.lifecycle.LifecycleStage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static io.journeyengine.journey.lifecycle.LifecycleStage.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The funnel's arithmetic: reached from current counts, rates rounded half-up to 4 decimals, null when undefined. */
class FunnelArithmeticTest {

    @Test
    void reachedCountsThisStageAndEveryLaterOne() {
        Funnel funnel = Funnel.of(Map.of(REACH, 3L, ACQUISITION, 3L, CONVERSION, 2L, RETENTION, 1L, LOYALTY, 1L));
        assertThat(funnel.customers()).isEqualTo(10);
        assertThat(funnel.stages()).extracting(Funnel.Stage::stage).containsExactly(LifecycleStage.values());
        assertThat(funnel.stages()).extracting(Funnel.Stage::reached).containsExactly(10L, 7L, 4L, 2L, 1L);
        // 7/10, 4/7 = 0.571428… , 2/4, 1/2; none after LOYALTY.
        assertThat(funnel.stages()).extracting(Funnel.Stage::rateToNext)
                                   .containsExactly(new BigDecimal("0.7000"), new BigDecimal("0.5714"),
                                                    new BigDecimal("0.5000"), new BigDecimal("0.5000"), null);
    }

    @Test
    void ratesRoundHalfUp() {
        // 2/3 = 0.66666… → 0.6667; 1/32 = 0.03125 → 0.0313 (half up).
        assertThat(Funnel.rate(2, 3)).isEqualTo(new BigDecimal("0.6667"));
        assertThat(Funnel.rate(1, 32)).isEqualTo(new BigDecimal("0.0313"));
        assertThat(Funnel.rate(0, 5)).isEqualTo(new BigDecimal("0.0000"));
    }

    @Test
    void withoutCustomersEveryStageIsZeroAndEveryRateNull() {
        Funnel funnel = Funnel.of(Map.of());
        assertThat(funnel.customers()).isZero();
        assertThat(funnel.stages()).hasSize(5).allSatisfy(stage -> {
            assertThat(stage.current()).isZero();
            assertThat(stage.reached()).isZero();
            assertThat(stage.rateToNext()).isNull();
        });
    }

    @Test
    void aRateIsNullOnlyWhenNobodyReachedTheStage() {
        Funnel funnel = Funnel.of(Map.of(REACH, 2L));
        assertThat(funnel.stages()).extracting(Funnel.Stage::rateToNext)
                                   .containsExactly(new BigDecimal("0.0000"), null, null, null, null);
    }
}
