package org.corridor.core.fx;

import java.util.Currency;
import java.util.Objects;
import org.corridor.core.money.Currencies;

/**
 * An exchange rate: one major unit of {@code base} is worth {@code price} major units of {@code quote}
 * (USD/CNY 7.1 says one dollar is 7.1 yuan), as published by {@code source} as of {@code asOfNanos}.
 *
 * @param base the ISO 4217 code of the currency priced, upper case
 * @param quote the ISO 4217 code of the currency it is priced in, upper case, not the base
 * @param price quote units per base unit, exact
 * @param asOfNanos when the source says the price held, in epoch nanoseconds
 * @param source who published it: 1 to {@value #SOURCE_CHARS_MAX} characters from {@code [A-Za-z0-9._:-]}
 */
public record Rate(String base, String quote, Price price, long asOfNanos, String source) {
    /** The longest source name. */
    public static final int SOURCE_CHARS_MAX = 64;
    /**
     * The largest currency exponent a rate may name (ISO 4217 has none above four: CLF, UYW); it bounds the
     * denominator of a conversion's residue, see {@link Price}.
     */
    public static final int CURRENCY_EXPONENT_MAX = 4;

    /**
     * Checks and canonicalises a rate.
     *
     * @throws IllegalArgumentException for an unknown currency, a pair of one currency, or a bad source name
     */
    public Rate {
        base = payable(base);
        quote = payable(quote);
        if (base.equals(quote)) throw new IllegalArgumentException("a rate is between two currencies");
        Objects.requireNonNull(price, "price");
        if (!isSourceName(source)) {
            throw new IllegalArgumentException("a source name is 1 to " + SOURCE_CHARS_MAX + " of [A-Za-z0-9._:-]");
        }
    }

    /** Whether {@code name} is a valid {@link #source}. */
    public static boolean isSourceName(String name) {
        if (name == null || name.isEmpty() || name.length() > SOURCE_CHARS_MAX) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) return false;
        }
        return true;
    }

    /** The same rate seen from the other side (CNY/USD from USD/CNY), exactly. */
    public Rate inverse() {
        return new Rate(quote, base, price.inverse(), asOfNanos, source);
    }

    /** Whether this rate prices {@code base} in {@code quote}. */
    public boolean isFor(String base, String quote) {
        return this.base.equals(base) && this.quote.equals(quote);
    }

    /** The number of minor-unit digits of an ISO 4217 currency a rate may name (USD 2, JPY 0, KWD 3). */
    public static int exponent(String code) {
        return Currencies.parse(code).orElseThrow(() -> new IllegalArgumentException("not an ISO 4217 currency"))
                .getDefaultFractionDigits();
    }

    private static String payable(String code) {
        Currency currency = Currencies.parse(code)
                .orElseThrow(() -> new IllegalArgumentException("a rate names two ISO 4217 currencies"));
        if (currency.getDefaultFractionDigits() > CURRENCY_EXPONENT_MAX) {
            throw new IllegalArgumentException("currency exponents are at most " + CURRENCY_EXPONENT_MAX);
        }
        return currency.getCurrencyCode();
    }
}
