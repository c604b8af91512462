package org.corridor.core.fx;

import java.math.BigInteger;

/**
 * Converts minor units of one currency to minor units of another at a {@link Rate}, honouring each
 * currency's exponent (JPY 0, USD 2, KWD 3), and returns what rounding left over as an exact
 * {@link Residue}.
 *
 * <p>The rounding rule: the amount the customer sees always rounds in the house's favour, never half-even.
 * Given what the customer sells, what they get is rounded <em>down</em> and the residue (in the buy currency)
 * is the fraction they did not get; given what the counterparty must receive, what the customer pays is
 * rounded <em>up</em> and the residue (in the sell currency) is the fraction they paid over. Either way the
 * residue is from zero to below one minor unit and belongs to the house. Half-even would be fairer on
 * average, but on any single payment it may pay out half a minor unit the house never received, and then the
 * FX liquidity accounts would drift short by rounding alone; with this rule they never do, and the residue
 * account only ever grows.
 *
 * <p>Every intermediate value is an exact integer; amounts returned are checked to fit a {@code long} and an
 * {@link ArithmeticException} is thrown when one does not, as {@code Math.multiplyExact} would.
 */
public final class Conversions {
    private Conversions() {}

    /**
     * What the customer gets for selling {@code sellMinor} of the rate's base currency: the rate's quote
     * currency, rounded down, with the residue in the quote currency.
     *
     * @param sellMinor 0 or more minor units of {@code rate.base()}
     * @throws ArithmeticException if the amount bought does not fit a {@code long}
     */
    public static Conversion ofSellAmount(long sellMinor, Rate rate) {
        if (sellMinor < 0) throw new IllegalArgumentException("a sell amount is not negative");
        BigInteger exact = Price.big(sellMinor).multiply(Price.big(rate.price().numerator()))
                .multiply(BigInteger.TEN.pow(Rate.exponent(rate.quote())));
        BigInteger divisor = Price.big(rate.price().denominator())
                .multiply(BigInteger.TEN.pow(Rate.exponent(rate.base())));
        BigInteger[] quotientAndRemainder = exact.divideAndRemainder(divisor);
        long buyMinor = quotientAndRemainder[0].longValueExact();
        Residue residue = Residue.of(rate.quote(), quotientAndRemainder[1], divisor);
        return new Conversion(rate.base(), sellMinor, rate.quote(), buyMinor, residue);
    }

    /**
     * What the customer pays, in the rate's base currency, for the counterparty to receive {@code buyMinor}
     * of the rate's quote currency: rounded up, with the residue in the base currency.
     *
     * @param buyMinor 0 or more minor units of {@code rate.quote()}
     * @throws ArithmeticException if the amount sold does not fit a {@code long}
     */
    public static Conversion ofBuyAmount(long buyMinor, Rate rate) {
        if (buyMinor < 0) throw new IllegalArgumentException("a buy amount is not negative");
        BigInteger exact = Price.big(buyMinor).multiply(Price.big(rate.price().denominator()))
                .multiply(BigInteger.TEN.pow(Rate.exponent(rate.base())));
        BigInteger divisor = Price.big(rate.price().numerator())
                .multiply(BigInteger.TEN.pow(Rate.exponent(rate.quote())));
        BigInteger[] quotientAndRemainder = exact.divideAndRemainder(divisor);
        BigInteger sell = quotientAndRemainder[0];
        BigInteger over = BigInteger.ZERO;
        if (quotientAndRemainder[1].signum() != 0) {
            sell = sell.add(BigInteger.ONE);
            over = divisor.subtract(quotientAndRemainder[1]);
        }
        Residue residue = Residue.of(rate.base(), over, divisor);
        return new Conversion(rate.base(), sell.longValueExact(), rate.quote(), buyMinor, residue);
    }
}
