package org.corridor.sim.ledger;

import java.math.BigInteger;

/**
 * Arithmetic on balances without overflow, so that the reference model's checks read like the rules they
 * state ("reserved plus posted plus the amount must fit in a long") rather than like rearranged inequalities.
 */
final class Sums {
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Sums() {}

    static BigInteger of(long... terms) {
        BigInteger sum = BigInteger.ZERO;
        for (long term : terms) sum = sum.add(BigInteger.valueOf(term));
        return sum;
    }

    /** True when the terms add up to more than a long holds. */
    static boolean overflow(long... terms) {
        return of(terms).compareTo(LONG_MAX) > 0;
    }

    /** True when the terms add up to more than {@code limit}. */
    static boolean exceed(long limit, long... terms) {
        return of(terms).compareTo(BigInteger.valueOf(limit)) > 0;
    }
}
