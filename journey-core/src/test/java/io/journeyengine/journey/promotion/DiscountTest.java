package io.journeyengine.journey.promotion;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscountTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void tenPercentOf192_30Is19_23() {
        assertThat(Discount.percent(BigDecimal.TEN).off(d("192.30"), "EUR")).isEqualTo(d("19.23"));
    }

    @Test
    void aPercentageIsRoundedHalfUpToTheCurrencysDigits() {
        // 12.5 % of 0.20 = 0.025: HALF_UP gives 0.03 where banker's rounding would give 0.02.
        assertThat(Discount.percent(d("12.5")).off(d("0.20"), "EUR")).isEqualTo(d("0.03"));
        // 15 % of 33.33 = 4.9995
        assertThat(Discount.percent(d("15")).off(d("33.33"), "EUR")).isEqualTo(d("5.00"));
        // 10 % of 0.04 = 0.004
        assertThat(Discount.percent(BigDecimal.TEN).off(d("0.04"), "EUR")).isEqualTo(d("0.00"));
    }

    @Test
    void aCurrencyWithoutMinorUnitsIsRoundedToWholeUnits() {
        // 10 % of 1005 JPY = 100.5
        assertThat(Discount.percent(BigDecimal.TEN).off(d("1005"), "JPY")).isEqualTo(d("101"));
    }

    @Test
    void aCurrencyWithThreeDigitsKeepsThem() {
        // 10 % of 12.345 KWD = 1.2345
        assertThat(Discount.percent(BigDecimal.TEN).off(d("12.345"), "KWD")).isEqualTo(d("1.235"));
    }

    @Test
    void aFixedAmountIsCappedAtTheSubtotal() {
        assertThat(Discount.amount(d("50"), "EUR").off(d("30.00"), "EUR")).isEqualTo(d("30.00"));
        assertThat(Discount.amount(d("5"), "EUR").off(d("30.00"), "EUR")).isEqualTo(d("5.00"));
    }

    @Test
    void aPercentageOverAHundredIsCappedAtTheSubtotal() {
        assertThat(Discount.percent(d("150")).off(d("20.00"), "EUR")).isEqualTo(d("20.00"));
    }

    @Test
    void aPercentageAppliesInAnyCurrencyAFixedAmountOnlyInItsOwn() {
        assertThat(Discount.percent(BigDecimal.TEN).appliesTo("USD")).isTrue();
        assertThat(Discount.amount(d("5"), "EUR").appliesTo("EUR")).isTrue();
        assertThat(Discount.amount(d("5"), "USD").appliesTo("EUR")).isFalse();
    }

    @Test
    void aDiscountIsEitherAPercentageOrAnAmount() {
        assertThatThrownBy(() -> new Discount(BigDecimal.TEN, d("5"), "EUR"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Discount(null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Discount.amount(d("5"), null)).isInstanceOf(NullPointerException.class);
    }
}
