package org.corridor.core.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Conversions}: exponents honoured, the customer's amount rounded in the house's favour, and the exact
 * residue returned. Examples first, then seeded properties checked against exact decimal arithmetic.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConversionsTest {
    private static final long AS_OF = FxGenerators.ORIGIN_NANOS;
    private static final int PROPERTY_RUNS = 20_000;

    private static Rate rate(String base, String quote, String price) {
        return new Rate(base, quote, Price.parseDecimal(price).orElseThrow(), AS_OF, "test-feed");
    }

    @ParameterizedTest(name = "selling {3} minor {0} at {0}/{1} {2} buys {4}, residue {5}/{6} {1}")
    @CsvSource({
        // base, quote, price, sell minor, buy minor, residue numerator, residue denominator
        "USD, JPY, 151.25, 1000, 1512, 1, 2",
        "USD, JPY, 151.25, 400, 605, 0, 1",
        "USD, KWD, 0.307, 10000, 30700, 0, 1",
        "KWD, BHD, 1.2265, 1, 1, 453, 2000",
        "BHD, JPY, 400.5, 1, 0, 801, 2000",
        "JPY, KWD, 0.00201, 1, 2, 1, 100",
        "CNY, USD, 0.1389, 100000, 13890, 0, 1",
        "CNY, USD, 0.1389, 1, 0, 1389, 10000",
        "USD, CLF, 0.0264, 100, 264, 0, 1",
        "USD, CLF, 0.0264, 1, 2, 16, 25",
        "USD, IDR, 16234.5, 0, 0, 0, 1",
    })
    void sellAmountsRoundDownToTheBuyCurrency(String base, String quote, String price, long sell, long buy,
            long residueNumerator, long residueDenominator) {
        Conversion conversion = Conversions.ofSellAmount(sell, rate(base, quote, price));
        assertThat(conversion).isEqualTo(new Conversion(base, sell, quote, buy,
                new Residue(quote, residueNumerator, residueDenominator)));
    }

    @ParameterizedTest(name = "buying {3} minor {1} at {0}/{1} {2} costs {4}, residue {5}/{6} {0}")
    @CsvSource({
        // base, quote, price, buy minor, sell minor, residue numerator, residue denominator
        "CNY, USD, 0.1389, 10000, 71995, 1055, 1389",
        "USD, EUR, 0.92, 92, 100, 0, 1",
        "USD, JPY, 151.25, 1513, 1001, 81, 121",
        "JPY, USD, 0.0066, 1, 2, 16, 33",
        "KWD, BHD, 1.2265, 1000, 816, 1648, 2453",
        "USD, KWD, 0.307, 0, 0, 0, 1",
    })
    void buyAmountsRoundTheSellAmountUp(String base, String quote, String price, long buy, long sell,
            long residueNumerator, long residueDenominator) {
        Conversion conversion = Conversions.ofBuyAmount(buy, rate(base, quote, price));
        assertThat(conversion).isEqualTo(new Conversion(base, sell, quote, buy,
                new Residue(base, residueNumerator, residueDenominator)));
    }

    @Test
    void anInverseRateConvertsBackExactlyWhereTheAmountsAllow() {
        Rate usdJpy = rate("USD", "JPY", "151.25");
        Conversion there = Conversions.ofSellAmount(400, usdJpy);
        Conversion back = Conversions.ofSellAmount(there.buyMinor(), usdJpy.inverse());
        assertThat(there.buyMinor()).isEqualTo(605);
        assertThat(back.buyMinor()).isEqualTo(400);
        assertThat(back.residue().isZero()).isTrue();
    }

    @Test
    void overflowThrowsRatherThanWrapping() {
        Rate usdIdr = rate("USD", "IDR", "16234.5");
        assertThatThrownBy(() -> Conversions.ofSellAmount(Long.MAX_VALUE / 1000, usdIdr))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Conversions.ofBuyAmount(Long.MAX_VALUE / 1000, usdIdr.inverse()))
                .isInstanceOf(ArithmeticException.class);
        // The largest amounts whose results fit still convert.
        assertThat(Conversions.ofSellAmount(Long.MAX_VALUE, rate("IDR", "USD", "0.00006")).buyMinor())
                .isEqualTo(Long.MAX_VALUE / 100_000 * 6 + (Long.MAX_VALUE % 100_000) * 6 / 100_000);
    }

    @Test
    void negativeAmountsAreRefused() {
        Rate usdJpy = rate("USD", "JPY", "151.25");
        assertThatThrownBy(() -> Conversions.ofSellAmount(-1, usdJpy)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Conversions.ofBuyAmount(-1, usdJpy)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSellConversionNeverInventsMoneyBeyondTheResidue() {
        FxGenerators generate = new FxGenerators(71_001L);
        for (int run = 0; run < PROPERTY_RUNS; run++) {
            Rate rate = generate.rate();
            long sell = generate.amount();
            Fraction exact = Fraction.converted(Fraction.of(sell), rate);
            Conversion conversion;
            try {
                conversion = Conversions.ofSellAmount(sell, rate);
            } catch (ArithmeticException overflow) {
                assertThat(exact).isGreaterThanOrEqualTo(Fraction.of(Long.MAX_VALUE).plus(Fraction.of(1)));
                continue;
            }
            // sell at the rate, in exact minor units of the buy currency, is the buy amount plus the residue.
            Fraction paidOut = Fraction.of(conversion.buyMinor()).plus(Fraction.of(conversion.residue()));
            assertThat(paidOut).as("run %d: %s selling %d", run, rate, sell).isEqualTo(exact);
            assertResidueBelowOneMinorUnit(conversion, rate.quote());
        }
    }

    @Test
    void aBuyConversionChargesTheLeastWholeAmountThatCoversIt() {
        FxGenerators generate = new FxGenerators(71_002L);
        int converted = 0;
        for (int run = 0; run < PROPERTY_RUNS; run++) {
            Rate rate = generate.rate();
            long buy = generate.amount();
            Conversion conversion;
            try {
                conversion = Conversions.ofBuyAmount(buy, rate);
            } catch (ArithmeticException overflow) {
                Fraction exactSell = Fraction.converted(Fraction.of(buy), rate.inverse());
                assertThat(exactSell).isGreaterThan(Fraction.of(Long.MAX_VALUE));
                continue;
            }
            converted++;
            // (sell - residue) at the rate is exactly the buy amount: the residue is all the customer overpaid.
            Fraction paidIn = Fraction.of(conversion.sellMinor()).minus(Fraction.of(conversion.residue()));
            assertThat(Fraction.converted(paidIn, rate)).as("run %d: %s buying %d", run, rate, buy)
                    .isEqualTo(Fraction.of(buy));
            assertResidueBelowOneMinorUnit(conversion, rate.base());
            // Selling what was charged buys at least what was asked; one minor unit less would not.
            assertThat(Conversions.ofSellAmount(conversion.sellMinor(), rate).buyMinor()).isGreaterThanOrEqualTo(buy);
            if (conversion.sellMinor() > 0) {
                assertThat(Conversions.ofSellAmount(conversion.sellMinor() - 1, rate).buyMinor()).isLessThan(buy);
            }
        }
        assertThat(converted).as("most runs fit a long").isGreaterThan(PROPERTY_RUNS * 9 / 10);
    }

    private static void assertResidueBelowOneMinorUnit(Conversion conversion, String currency) {
        Residue residue = conversion.residue();
        assertThat(residue.currency()).isEqualTo(currency);
        assertThat(residue.numerator()).isNotNegative().isLessThan(residue.denominator());
    }
}
