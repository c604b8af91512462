package org.corridor.core.fx;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The house's spread: the customer rate is the mid rate less {@code spread} basis points, so a customer
 * selling the base currency gets {@code (10,000 - spread) / 10,000} of the mid price per unit. When the exact
 * product does not fit a {@link Price}, it is rounded down, which is again in the house's favour.
 */
public final class Spreads {
    /** Basis points in one whole. */
    public static final int BASIS_POINTS_PER_WHOLE = 10_000;

    private Spreads() {}

    /**
     * The customer rate for a mid rate and a spread; empty when the result is too small to be a
     * {@link Price}.
     *
     * @param spreadBasisPoints 0 to {@link #BASIS_POINTS_PER_WHOLE} exclusive
     */
    public static Optional<Rate> customerRate(Rate mid, int spreadBasisPoints) {
        if (spreadBasisPoints < 0 || spreadBasisPoints >= BASIS_POINTS_PER_WHOLE) {
            throw new IllegalArgumentException("a spread is 0 to below " + BASIS_POINTS_PER_WHOLE + " basis points");
        }
        if (spreadBasisPoints == 0) return Optional.of(mid);
        BigInteger numerator = Price.big(mid.price().numerator())
                .multiply(BigInteger.valueOf(BASIS_POINTS_PER_WHOLE - spreadBasisPoints));
        BigInteger denominator = Price.big(mid.price().denominator()).multiply(BigInteger.valueOf(BASIS_POINTS_PER_WHOLE));
        return Price.approximate(numerator, denominator, RoundingMode.FLOOR)
                .map(price -> new Rate(mid.base(), mid.quote(), price, mid.asOfNanos(), mid.source()));
    }
}
