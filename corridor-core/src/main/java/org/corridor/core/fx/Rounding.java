package org.corridor.core.fx;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Integer division with a stated rounding, on exact values. */
final class Rounding {
    private Rounding() {}

    /** {@code dividend / divisor} rounded to an integer by {@code rounding}; the divisor is positive. */
    static BigInteger divide(BigInteger dividend, BigInteger divisor, RoundingMode rounding) {
        return new BigDecimal(dividend).divide(new BigDecimal(divisor), 0, rounding).toBigIntegerExact();
    }
}
