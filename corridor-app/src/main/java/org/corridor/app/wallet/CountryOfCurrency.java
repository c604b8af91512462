package org.corridor.app.wallet;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * A country for a participant that only has a currency. The bank directory names each bank's currency but no
 * country, and the API requires one; the simulated bank is taken to be domiciled where its currency is issued.
 */
final class CountryOfCurrency {
    private static final Map<String, String> COUNTRIES = Map.ofEntries(
            Map.entry("USD", "US"), Map.entry("EUR", "DE"), Map.entry("GBP", "GB"), Map.entry("JPY", "JP"),
            Map.entry("CNY", "CN"), Map.entry("INR", "IN"), Map.entry("KES", "KE"), Map.entry("NGN", "NG"),
            Map.entry("PHP", "PH"), Map.entry("MXN", "MX"), Map.entry("BRL", "BR"), Map.entry("ZAR", "ZA"),
            Map.entry("AED", "AE"), Map.entry("SGD", "SG"), Map.entry("KRW", "KR"), Map.entry("BHD", "BH"),
            Map.entry("CAD", "CA"), Map.entry("AUD", "AU"), Map.entry("THB", "TH"), Map.entry("GHS", "GH"));

    private CountryOfCurrency() {}

    /**
     * The ISO 3166 alpha-2 country of {@code currency}: from the table of the simulator's currencies, else the first
     * country (in code order) whose currency it is, else {@code US}.
     */
    static String of(Currency currency) {
        String known = COUNTRIES.get(currency.getCurrencyCode());
        if (known != null) return known;
        String best = null;
        for (String country : Locale.getISOCountries()) {
            try {
                if (currency.equals(Currency.getInstance(Locale.of("", country)))
                        && (best == null || country.compareTo(best) < 0)) {
                    best = country;
                }
            } catch (IllegalArgumentException noCurrency) {
                // Antarctica and a few others have no currency of their own.
            }
        }
        return best == null ? "US" : best;
    }
}
