package org.corridor.core.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded properties of {@link Spreads} with {@link Conversions}: whatever the rate, spread and amount, the
 * house is never worse off at the mid rate, and a customer who converts and converts back never gains.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HouseNeverLosesTest {
    private static final int RUNS = 20_000;

    @Test
    void theCustomerRateIsTheMidRateLessTheSpreadRoundedDown() {
        FxGenerators generate = new FxGenerators(72_001L);
        for (int run = 0; run < RUNS; run++) {
            Rate mid = generate.rate();
            int spread = generate.spread();
            Optional<Rate> customer = Spreads.customerRate(mid, spread);
            Fraction exact = Fraction.of(mid.price())
                    .times(Fraction.of(Spreads.BASIS_POINTS_PER_WHOLE - spread, Spreads.BASIS_POINTS_PER_WHOLE));
            if (customer.isEmpty()) {
                assertThat(exact).isLessThan(Fraction.of(1, Price.TERM_MAX));
                continue;
            }
            Fraction price = Fraction.of(customer.get().price());
            assertThat(price).as("run %d", run).isLessThanOrEqualTo(exact);
            // Rounded by less than one unit of the fourteenth significant digit, or of 10^-14 below 1.
            Fraction error = exact.minus(price);
            if (exact.compareTo(Fraction.of(1)) >= 0) {
                assertThat(error.times(Fraction.tenToThe(13))).isLessThanOrEqualTo(exact);
            } else {
                assertThat(error).isLessThanOrEqualTo(Fraction.tenToThe(-14));
            }
            assertThat(customer.get().isFor(mid.base(), mid.quote())).isTrue();
        }
    }

    @Test
    void aSellQuotePaysOutNoMoreThanItTakesInAtTheMidRate() {
        FxGenerators generate = new FxGenerators(72_002L);
        for (int run = 0; run < RUNS; run++) {
            Rate mid = generate.rate();
            Optional<Rate> customer = Spreads.customerRate(mid, generate.spread());
            if (customer.isEmpty()) continue;
            long sell = generate.amount();
            Conversion conversion;
            try {
                conversion = Conversions.ofSellAmount(sell, customer.get());
            } catch (ArithmeticException tooLarge) {
                continue;
            }
            Fraction takenIn = Fraction.converted(Fraction.of(sell), mid);
            assertThat(Fraction.of(conversion.buyMinor())).as("run %d", run).isLessThanOrEqualTo(takenIn);
        }
    }

    @Test
    void aBuyQuoteTakesInAtLeastWhatItPaysOutAtTheMidRate() {
        FxGenerators generate = new FxGenerators(72_003L);
        for (int run = 0; run < RUNS; run++) {
            Rate mid = generate.rate();
            Optional<Rate> customer = Spreads.customerRate(mid, generate.spread());
            if (customer.isEmpty()) continue;
            long buy = generate.amount();
            Conversion conversion;
            try {
                conversion = Conversions.ofBuyAmount(buy, customer.get());
            } catch (ArithmeticException tooLarge) {
                continue;
            }
            Fraction takenIn = Fraction.converted(Fraction.of(conversion.sellMinor()), mid);
            assertThat(takenIn).as("run %d", run).isGreaterThanOrEqualTo(Fraction.of(buy));
        }
    }

    @Test
    void convertingAndConvertingBackNeverGainsTheCustomerAnything() {
        FxGenerators generate = new FxGenerators(72_004L);
        for (int run = 0; run < RUNS; run++) {
            Rate mid = generate.rate();
            int spread = generate.spread();
            Optional<Rate> there = Spreads.customerRate(mid, spread);
            Optional<Rate> back = Spreads.customerRate(mid.inverse(), spread);
            if (there.isEmpty() || back.isEmpty()) continue;
            long start = generate.amount();
            Conversion out;
            Conversion home;
            try {
                out = Conversions.ofSellAmount(start, there.get());
                home = Conversions.ofSellAmount(out.buyMinor(), back.get());
            } catch (ArithmeticException tooLarge) {
                continue;
            }
            assertThat(home.buyMinor()).as("run %d: %s at %d bp, %d", run, mid, spread, start)
                    .isLessThanOrEqualTo(start);
            // The same holds when the customer names what they want back each time.
            Conversion wanted = Conversions.ofBuyAmount(out.buyMinor(), there.get());
            assertThat(wanted.sellMinor()).isLessThanOrEqualTo(start);
        }
    }

    @Test
    void aZeroSpreadLeavesTheMidRateAndOutOfRangeSpreadsAreRefused() {
        Rate mid = new FxGenerators(72_005L).rate();
        assertThat(Spreads.customerRate(mid, 0)).contains(mid);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Spreads.customerRate(mid, -1))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Spreads.customerRate(mid, Spreads.BASIS_POINTS_PER_WHOLE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
