package org.corridor.core.fx;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded generators for the FX property tests: currencies of every exponent, prices, amounts. */
final class FxGenerators {
    /** Exponents 0 (JPY, IDR's 2 aside), 2, 3 and 4 (CLF) all appear. */
    static final List<String> CURRENCIES = List.of("USD", "CNY", "JPY", "KWD", "BHD", "EUR", "IDR", "CLF", "GBP",
            "KRW");
    static final long ORIGIN_NANOS = 1_790_000_000_000_000_000L;

    private final SplittableRandom random;

    FxGenerators(long seed) {
        this.random = new SplittableRandom(seed);
    }

    String currency() {
        return CURRENCIES.get(random.nextInt(CURRENCIES.size()));
    }

    /** Two different currencies. */
    String[] pair() {
        String base = currency();
        String quote;
        do {
            quote = currency();
        } while (quote.equals(base));
        return new String[] {base, quote};
    }

    /**
     * A price from about 10^-6 to 10^6, either a short decimal as a feed sends it or an arbitrary fraction
     * with large terms.
     */
    Price price() {
        if (random.nextBoolean()) {
            int fractionDigits = random.nextInt(0, 9);
            long mantissa = random.nextLong(1, 10_000_000_000L);
            return new Price(mantissa, BigInteger.TEN.pow(fractionDigits).longValueExact());
        }
        long numerator = random.nextLong(1, Price.TERM_MAX + 1) / pow10(random.nextInt(0, 8));
        long denominator = random.nextLong(1, Price.TERM_MAX + 1) / pow10(random.nextInt(0, 8));
        return new Price(Math.max(1, numerator), Math.max(1, denominator));
    }

    Rate rate() {
        String[] pair = pair();
        return new Rate(pair[0], pair[1], price(), ORIGIN_NANOS, "test-feed");
    }

    /** An amount spread over every magnitude from 0 to about 10^12 minor units. */
    long amount() {
        long magnitude = pow10(random.nextInt(0, 13));
        return random.nextLong(0, magnitude + 1);
    }

    int spread() {
        return random.nextInt(0, QuoteRules.SPREAD_BASIS_POINTS_MAX + 1);
    }

    SplittableRandom random() {
        return random;
    }

    static long pow10(int digits) {
        return BigInteger.TEN.pow(digits).longValueExact();
    }
}
