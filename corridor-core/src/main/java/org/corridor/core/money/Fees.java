package org.corridor.core.money;

/** Percentage fees in basis points (1 bp = 0.01 %), rounded half up to the minor unit. */
public final class Fees {
    /** A rate above 100 % is a configuration mistake, not a fee. */
    public static final int BASIS_POINTS_MAX = 10_000;

    private Fees() {}

    /**
     * The fee on {@code amountMinor} at {@code basisPoints}: {@code amount * bp / 10,000}, rounded half up,
     * so 2.9 % of 1,001 cents is 29 cents and of 1,035 cents is 30 cents.
     */
    public static long ofAmount(long amountMinor, int basisPoints) {
        if (amountMinor < 0) throw new IllegalArgumentException("a fee is charged on a positive amount");
        if (basisPoints < 0 || basisPoints > BASIS_POINTS_MAX) {
            throw new IllegalArgumentException("a fee rate is 0 to " + BASIS_POINTS_MAX + " basis points");
        }
        long scaled = Math.multiplyExact(amountMinor, (long) basisPoints);
        return Math.addExact(scaled, 5_000) / 10_000;
    }
}
