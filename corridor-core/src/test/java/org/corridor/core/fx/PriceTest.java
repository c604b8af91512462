package org.corridor.core.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Price}: an exact, bounded fraction in lowest terms. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PriceTest {

    @ParameterizedTest(name = "{0} is {1}/{2}")
    @CsvSource({
        "7.1, 71, 10",
        "7.10, 71, 10",
        "151.25, 605, 4",
        "1, 1, 1",
        "0.5, 1, 2",
        "0.00006250, 1, 16000",
        "16234.12345678, 811706172839, 50000000",
        "0.00000000000001, 1, 100000000000000",
        "100000000000000, 100000000000000, 1",
        "007.5, 15, 2",
    })
    void parsesPlainDecimalsExactly(String text, long numerator, long denominator) {
        assertThat(Price.parseDecimal(text)).contains(new Price(numerator, denominator));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", "0", "0.000", "-1", "+1", "1e3", "1E-2", ".5", "5.", "1.2.3", " 1", "1 ", "1,000",
        "0x10", "NaN", "Infinity", "0.000000000000001", "100000000000001", "1.5 ", "١٢", "123456789012345678901234567890123"})
    void refusesAnythingElse(String text) {
        assertThat(Price.parseDecimal(text)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(Price.parseDecimal(null)).isEmpty();
    }

    @Test
    void reducesToLowestTermsAndChecksTheBound() {
        assertThat(new Price(710, 100)).isEqualTo(new Price(71, 10));
        assertThat(new Price(2 * Price.TERM_MAX, 2)).isEqualTo(new Price(Price.TERM_MAX, 1));
        assertThatThrownBy(() -> new Price(Price.TERM_MAX + 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Price(1, Price.TERM_MAX + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Price(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Price(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theInverseIsExact() {
        Price usdJpy = Price.parseDecimal("151.25").orElseThrow();
        assertThat(usdJpy.inverse()).isEqualTo(new Price(4, 605));
        assertThat(usdJpy.inverse().inverse()).isEqualTo(usdJpy);
    }

    @Test
    void aProductThatFitsIsExact() {
        Price cnyUsd = new Price(10, 71);
        Price usdJpy = new Price(605, 4);
        assertThat(cnyUsd.times(usdJpy, RoundingMode.HALF_EVEN)).contains(new Price(3025, 142));
    }

    @ParameterizedTest(name = "{0}/{1} rounded {2} is {3}/{4}")
    @CsvSource({
        // numerator, denominator, rounding, expected numerator, expected denominator, empty
        "2, 300000000000000, HALF_EVEN, 1, 100000000000000, false",
        "1, 300000000000000, FLOOR, 0, 0, true",
        "1, 300000000000000, HALF_EVEN, 0, 0, true",
        "100000000000001, 100000000000003, HALF_EVEN, 99999999999998, 100000000000000, false",
        "100000000000001, 100000000000003, FLOOR, 99999999999998, 100000000000000, false",
        "100000000000001, 100000000000003, CEILING, 99999999999999, 100000000000000, false",
        "1000000000000001, 30, HALF_EVEN, 33333333333333, 1, false",
        "1000000000000000, 3, HALF_EVEN, 0, 0, true",
        "710, 100, UP, 71, 10, false",
    })
    void approximatesAtTheBound(long numerator, long denominator, RoundingMode rounding, long n, long d,
            boolean empty) {
        Optional<Price> price = Price.approximate(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator),
                rounding);
        if (empty) {
            assertThat(price).isEmpty();
        } else {
            assertThat(price).contains(new Price(n, d));
        }
    }

    @Test
    void approximationRoundsInTheStatedDirectionToTheLastPlaceThatFits() {
        // About 2.33, with terms far above the bound: 13 places after the point fit, 14 do not.
        BigInteger numerator = BigInteger.valueOf(Price.TERM_MAX - 1).multiply(BigInteger.valueOf(7));
        BigInteger denominator = BigInteger.valueOf(Price.TERM_MAX - 3).multiply(BigInteger.valueOf(3));
        Price down = Price.approximate(numerator, denominator, RoundingMode.FLOOR).orElseThrow();
        Price up = Price.approximate(numerator, denominator, RoundingMode.CEILING).orElseThrow();
        assertThat(lessOrEqual(down, numerator, denominator)).isTrue();
        assertThat(lessOrEqual(up, numerator, denominator)).isFalse();
        BigInteger gap = BigInteger.valueOf(up.numerator()).multiply(BigInteger.valueOf(down.denominator()))
                .subtract(BigInteger.valueOf(down.numerator()).multiply(BigInteger.valueOf(up.denominator())));
        BigInteger unit = BigInteger.valueOf(down.denominator()).multiply(BigInteger.valueOf(up.denominator()));
        assertThat(gap.multiply(BigInteger.TEN.pow(13))).isEqualTo(unit);
    }

    @Test
    void valuesOutsideTheRangeAreEmpty() {
        BigInteger huge = BigInteger.valueOf(Price.TERM_MAX).multiply(BigInteger.TEN);
        assertThat(Price.approximate(huge.add(BigInteger.ONE), BigInteger.valueOf(3), RoundingMode.HALF_EVEN)).isEmpty();
        assertThat(Price.approximate(BigInteger.ONE, huge, RoundingMode.HALF_EVEN)).isEmpty();
        assertThatThrownBy(() -> Price.approximate(BigInteger.ONE, BigInteger.TWO, RoundingMode.UNNECESSARY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparesByValue() {
        assertThat(new Price(1, 3).compareTo(new Price(333, 1000))).isPositive();
        assertThat(new Price(2, 4).compareTo(new Price(1, 2))).isZero();
        assertThat(new Price(71, 10)).hasToString("71/10");
    }

    private static boolean lessOrEqual(Price price, BigInteger numerator, BigInteger denominator) {
        return BigInteger.valueOf(price.numerator()).multiply(denominator)
                .compareTo(numerator.multiply(BigInteger.valueOf(price.denominator()))) <= 0;
    }
}
