package org.corridor.gateway.fx;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.corridor.core.EpochNanos;
import org.corridor.core.fx.Price;
import org.corridor.core.fx.Rate;
import org.corridor.core.money.Currencies;

/** Turns the four text fields every source has into a {@link Rate}, naming the field at fault, never its text. */
final class RateFields {
    /** The longest as-of time: an ISO-8601 instant with nanoseconds and an offset is 35 characters. */
    static final int AS_OF_CHARS_MAX = 40;

    private RateFields() {}

    /**
     * A rate from its fields.
     *
     * @param asOf an ISO-8601 instant, such as {@code 2026-11-02T10:00:00Z}
     * @throws RateSourceException naming the first field, left to right, that is wrong
     */
    static Rate parse(String base, String quote, String rate, String asOf, String source) throws RateSourceException {
        if (!isCurrency(base)) throw new RateSourceException("base is not an upper-case ISO 4217 currency");
        if (!isCurrency(quote)) throw new RateSourceException("quote is not an upper-case ISO 4217 currency");
        if (base.equals(quote)) throw new RateSourceException("base and quote are the same currency");
        Optional<Price> price = Price.parseDecimal(rate);
        if (price.isEmpty()) {
            throw new RateSourceException("rate is not a positive plain decimal with at most "
                    + Price.DECIMAL_FRACTION_DIGITS_MAX + " places and terms up to " + Price.TERM_MAX);
        }
        long asOfNanos = asOfNanos(asOf);
        try {
            return new Rate(base, quote, price.get(), asOfNanos, source);
        } catch (IllegalArgumentException unusable) {
            // Only a currency with more minor-unit digits than a rate may name gets here.
            throw new RateSourceException("a currency's exponent is above " + Rate.CURRENCY_EXPONENT_MAX);
        }
    }

    /** The pair of a rate, to find a source that names one pair twice. */
    static String pair(Rate rate) {
        return rate.base() + "/" + rate.quote();
    }

    private static boolean isCurrency(String code) {
        return code != null && code.length() == 3 && code.equals(Currencies.canonical(code))
                && Currencies.parse(code).isPresent();
    }

    private static long asOfNanos(String asOf) throws RateSourceException {
        if (asOf == null || asOf.isEmpty() || asOf.length() > AS_OF_CHARS_MAX) {
            throw new RateSourceException("as_of is not an ISO-8601 instant");
        }
        try {
            return EpochNanos.of(Instant.parse(asOf));
        } catch (DateTimeParseException | ArithmeticException notAnInstant) {
            throw new RateSourceException("as_of is not an ISO-8601 instant between 1677 and 2262");
        }
    }
}
