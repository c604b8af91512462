package org.corridor.core.fx;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * An exchange price: how many major units of a quote currency one major unit of a base currency is worth,
 * as an exact fraction {@code numerator / denominator} in lowest terms, both terms from 1 to
 * {@value #TERM_MAX}.
 *
 * <p>Why a fraction and not a fixed-scale decimal: the inverse of a price is then exact (the terms swap), so
 * a book that is quoted only USD/JPY 151.25 knows JPY/USD as exactly 4/605, where any fixed scale would
 * round it; and every decimal a feed sends with up to fourteen digits is held exactly. Why the bound: the
 * residue of a conversion is a fraction whose denominator is a term times at most 10^4 (the largest currency
 * exponent, {@link Rate#CURRENCY_EXPONENT_MAX}); {@code 10^14 * 10^4} still fits a {@code long}. Fourteen
 * significant digits is far more than any rate source publishes.
 *
 * <p>Products (cross rates, spreads) may need larger terms. {@link #approximate} then rounds the exact value
 * in a stated direction to a decimal fraction, by less than one unit of its fourteenth significant digit for
 * a price of 1 or more and by less than 10^-14 for a smaller one.
 */
public record Price(long numerator, long denominator) implements Comparable<Price> {
    /** The largest numerator or denominator. */
    public static final long TERM_MAX = 100_000_000_000_000L;
    /** The most digits after the decimal point that {@link #parseDecimal} accepts: the denominator stays in range. */
    public static final int DECIMAL_FRACTION_DIGITS_MAX = 14;
    /** The longest decimal text that {@link #parseDecimal} reads. */
    public static final int DECIMAL_CHARS_MAX = 32;

    private static final BigInteger BIG_TERM_MAX = BigInteger.valueOf(TERM_MAX);
    private static final int TERM_DIGITS = 14;

    /**
     * A price {@code numerator / denominator}, reduced to lowest terms.
     *
     * @throws IllegalArgumentException if a term is below 1 or, once reduced, above {@link #TERM_MAX}
     */
    public Price {
        if (numerator < 1 || denominator < 1) throw new IllegalArgumentException("a price has positive terms");
        long divisor = gcd(numerator, denominator);
        numerator /= divisor;
        denominator /= divisor;
        if (numerator > TERM_MAX || denominator > TERM_MAX) {
            throw new IllegalArgumentException("a price's terms are at most " + TERM_MAX + " in lowest terms");
        }
    }

    /**
     * The price a plain decimal spells, exactly: digits, optionally one point with digits on both sides, at
     * most {@value #DECIMAL_FRACTION_DIGITS_MAX} after it. No sign, exponent, spaces or grouping. Empty for
     * anything else, for zero and for a value whose terms would exceed {@link #TERM_MAX}.
     */
    public static Optional<Price> parseDecimal(String text) {
        if (text == null || text.isEmpty() || text.length() > DECIMAL_CHARS_MAX) return Optional.empty();
        int point = text.indexOf('.');
        String whole = point < 0 ? text : text.substring(0, point);
        String fraction = point < 0 ? "" : text.substring(point + 1);
        if (!allDigits(whole) || (point >= 0 && !allDigits(fraction))) return Optional.empty();
        if (fraction.length() > DECIMAL_FRACTION_DIGITS_MAX) return Optional.empty();
        BigInteger numerator = new BigInteger(whole + fraction);
        if (numerator.signum() == 0) return Optional.empty();
        return exact(numerator, BigInteger.TEN.pow(fraction.length()));
    }

    /**
     * The price {@code numerator / denominator} if its lowest terms are in range, else the nearest decimal
     * fraction {@code n / 10^k} in range rounded by {@code rounding}, with {@code k} as large as the range
     * allows (at most fourteen). Empty when even that is out of range: a value above {@link #TERM_MAX}, or one
     * so small it rounds to zero.
     *
     * @param rounding how to round when the value is not exact; {@link RoundingMode#UNNECESSARY} is refused
     */
    public static Optional<Price> approximate(BigInteger numerator, BigInteger denominator, RoundingMode rounding) {
        if (numerator.signum() <= 0 || denominator.signum() <= 0) {
            throw new IllegalArgumentException("a price has positive terms");
        }
        if (rounding == RoundingMode.UNNECESSARY) throw new IllegalArgumentException("say how to round");
        Optional<Price> exact = exact(numerator, denominator);
        if (exact.isPresent()) return exact;
        for (int digits = TERM_DIGITS; digits >= 0; digits--) {
            BigInteger scale = BigInteger.TEN.pow(digits);
            BigInteger scaled = Rounding.divide(numerator.multiply(scale), denominator, rounding);
            if (scaled.compareTo(BIG_TERM_MAX) <= 0) {
                return scaled.signum() == 0 ? Optional.empty() : exact(scaled, scale);
            }
        }
        return Optional.empty();
    }

    /** One over this price, exactly: the terms swap. */
    public Price inverse() {
        return new Price(denominator, numerator);
    }

    /** This price times {@code other}, by {@link #approximate} with {@code rounding}. */
    public Optional<Price> times(Price other, RoundingMode rounding) {
        return approximate(big(numerator).multiply(big(other.numerator)),
                big(denominator).multiply(big(other.denominator)), rounding);
    }

    @Override
    public int compareTo(Price other) {
        return big(numerator).multiply(big(other.denominator))
                .compareTo(big(other.numerator).multiply(big(denominator)));
    }

    /** The price as {@code numerator/denominator}, which is exact, unlike a rounded decimal. */
    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }

    private static Optional<Price> exact(BigInteger numerator, BigInteger denominator) {
        BigInteger divisor = numerator.gcd(denominator);
        BigInteger n = numerator.divide(divisor);
        BigInteger d = denominator.divide(divisor);
        if (n.compareTo(BIG_TERM_MAX) > 0 || d.compareTo(BIG_TERM_MAX) > 0) return Optional.empty();
        return Optional.of(new Price(n.longValueExact(), d.longValueExact()));
    }

    private static boolean allDigits(String text) {
        if (text.isEmpty()) return false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }
}
