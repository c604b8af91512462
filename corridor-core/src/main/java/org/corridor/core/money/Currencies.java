package org.corridor.core.money;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * ISO 4217 currencies as Corridor uses them: a three-letter code, its minor-unit exponent, and the numeric
 * code that names the currency's ledger (one ledger per currency, so a transfer can never mix two).
 */
public final class Currencies {
    private Currencies() {}

    /**
     * The currency for a three-letter code in either case, if ISO 4217 knows it and it has minor units
     * (funds codes such as XAU with no exponent are not payable).
     */
    public static Optional<Currency> parse(String code) {
        if (code == null || code.length() != 3) return Optional.empty();
        try {
            Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The ledger a currency's accounts and transfers live on: its ISO 4217 numeric code. */
    public static int ledger(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("not an ISO 4217 currency: " + code))
                .getNumericCode();
    }

    /** The canonical (upper-case) spelling of a code that {@link #parse} accepts. */
    public static String canonical(String code) {
        return code.toUpperCase(Locale.ROOT);
    }
}
