package org.corridor.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Fees#ofAmount}: {@code amount * bp / 10,000} rounded half up, in overflow-checked arithmetic. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FeesTest {

    @ParameterizedTest(name = "{0} at {1} bp is {2}")
    @CsvSource({
        // amount, basis points, fee
        "0, 290, 0",
        "1, 290, 0",
        "17, 290, 0",
        "18, 290, 1",
        "1001, 290, 29",
        "1035, 290, 30",
        "500, 290, 15",
        "10000, 290, 290",
        "49, 100, 0",
        "50, 100, 1",
        "149, 100, 1",
        "150, 100, 2",
        "4999, 1, 0",
        "5000, 1, 1",
        "15000, 1, 2",
        "12345, 0, 0",
        "12345, 10000, 12345",
        "1, 5000, 1",
        "3, 5000, 2",
        "1, 4999, 0",
        "922337203685477, 10000, 922337203685477",
        "900000000000000, 10000, 900000000000000",
    })
    void roundsHalfUpToTheMinorUnit(long amount, int basisPoints, long fee) {
        assertThat(Fees.ofAmount(amount, basisPoints)).isEqualTo(fee);
    }

    @Test
    void agreesWithExactDecimalArithmeticOnRandomAmounts() {
        SplittableRandom random = new SplittableRandom(20_240_101L);
        for (int i = 0; i < 10_000; i++) {
            long amount = random.nextLong(0, Long.MAX_VALUE / Fees.BASIS_POINTS_MAX);
            int basisPoints = random.nextInt(0, Fees.BASIS_POINTS_MAX + 1);
            long exact = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(basisPoints))
                    .divide(BigDecimal.valueOf(10_000)).setScale(0, RoundingMode.HALF_UP).longValueExact();
            assertThat(Fees.ofAmount(amount, basisPoints)).as("%d at %d bp", amount, basisPoints).isEqualTo(exact);
        }
    }

    @Test
    void anAmountTooLargeToMultiplyThrowsRatherThanWrapping() {
        long tooLarge = Long.MAX_VALUE / 290 + 1;
        assertThat(BigInteger.valueOf(tooLarge).multiply(BigInteger.valueOf(290)).bitLength()).isGreaterThan(63);

        assertThatThrownBy(() -> Fees.ofAmount(tooLarge, 290)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Fees.ofAmount(Long.MAX_VALUE, Fees.BASIS_POINTS_MAX))
                .isInstanceOf(ArithmeticException.class);
        assertThat(Fees.ofAmount(Long.MAX_VALUE / 290 - 100, 290)).isPositive();
    }

    @Test
    void aProductThatFitsButWhoseRoundingWouldNotThrowsToo() {
        // amount * 1 fits in a long, adding the half does not.
        assertThatThrownBy(() -> Fees.ofAmount(Long.MAX_VALUE, 1)).isInstanceOf(ArithmeticException.class);
        assertThat(Fees.ofAmount(Long.MAX_VALUE - 5_000, 1)).isEqualTo((Long.MAX_VALUE - 5_000 + 5_000) / 10_000);
    }

    @Test
    void negativeAmountsAndRatesOutOfRangeAreRefused() {
        assertThatThrownBy(() -> Fees.ofAmount(-1, 290)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fees.ofAmount(100, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fees.ofAmount(100, Fees.BASIS_POINTS_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Fees.ofAmount(100, Fees.BASIS_POINTS_MAX)).isEqualTo(100);
    }
}
