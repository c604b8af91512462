package org.corridor.core.fx;

import java.math.BigInteger;

/**
 * What a conversion's rounding left over, exactly: {@code numerator / denominator} minor units of
 * {@code currency}, from zero to less than one minor unit, in lowest terms. The house keeps it; the ledger
 * books it to a residue account (see {@link #floorIn} for a fixed sub-unit).
 *
 * @param currency the ISO 4217 code the residue is counted in
 * @param numerator 0 or more, below the denominator
 * @param denominator 1 or more; 1 when the conversion was exact
 */
public record Residue(String currency, long numerator, long denominator) {
    /** The most sub-unit digits {@link #floorIn} counts in (nano minor units). */
    public static final int SUB_UNIT_DIGITS_MAX = 9;

    /** Checks the residue is in lowest terms and less than one minor unit. */
    public Residue {
        if (denominator < 1 || numerator < 0 || numerator >= denominator) {
            throw new IllegalArgumentException("a residue is a fraction from 0 to below 1 minor unit");
        }
        if (BigInteger.valueOf(numerator).gcd(BigInteger.valueOf(denominator)).longValue() != 1) {
            throw new IllegalArgumentException("a residue is in lowest terms");
        }
    }

    /** No residue: the conversion was exact. */
    public static Residue none(String currency) {
        return new Residue(currency, 0, 1);
    }

    /** Whether the conversion was exact. */
    public boolean isZero() {
        return numerator == 0;
    }

    /**
     * The residue in units of {@code 10^-digits} minor units, rounded down: what a ledger counting in that
     * sub-unit can book. The part below one sub-unit stays with the house unbooked.
     *
     * @param digits 0 to {@value #SUB_UNIT_DIGITS_MAX}
     */
    public long floorIn(int digits) {
        if (digits < 0 || digits > SUB_UNIT_DIGITS_MAX) {
            throw new IllegalArgumentException("a sub-unit has 0 to " + SUB_UNIT_DIGITS_MAX + " digits");
        }
        return BigInteger.valueOf(numerator).multiply(BigInteger.TEN.pow(digits))
                .divide(BigInteger.valueOf(denominator)).longValueExact();
    }

    /** A residue from an exact remainder, reduced to lowest terms. */
    static Residue of(String currency, BigInteger remainder, BigInteger divisor) {
        BigInteger common = remainder.gcd(divisor);
        return new Residue(currency, remainder.divide(common).longValueExact(), divisor.divide(common).longValueExact());
    }
}
