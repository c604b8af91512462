package org.corridor.codec.qr;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * ISO 4217 currencies by their three-digit numeric code, as data object {@code 53} writes them. Only
 * currencies with minor units are payable (funds and metal codes such as XAU have none).
 */
public final class NumericCurrencies {
    private static final Map<String, Currency> BY_NUMERIC = index();

    private NumericCurrencies() {}

    /** The currency whose numeric code is {@code digits} (three digits, leading zeros kept), if any. */
    public static Optional<Currency> of(String digits) {
        return Optional.ofNullable(BY_NUMERIC.get(digits));
    }

    /** The three digits that name {@code currency} in a payload. */
    public static String numeric(Currency currency) {
        return currency.getNumericCodeAsString();
    }

    private static Map<String, Currency> index() {
        Map<String, Currency> byNumeric = new HashMap<>();
        for (Currency currency : Currency.getAvailableCurrencies()) {
            if (currency.getDefaultFractionDigits() < 0 || currency.getNumericCode() <= 0) continue;
            // Several historic codes share a number with a current one; the current one has a country.
            byNumeric.merge(currency.getNumericCodeAsString(), currency, NumericCurrencies::preferCurrent);
        }
        return Map.copyOf(byNumeric);
    }

    private static Currency preferCurrent(Currency a, Currency b) {
        return a.getCurrencyCode().compareTo(b.getCurrencyCode()) <= 0 ? a : b;
    }
}
