package org.corridor.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.corridor.core.money.Currencies;

/** How the pages write amounts, times and names: called from the templates, which escape what they get. */
public final class Format {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Format() {}

    /** {@code 1234} USD as {@code 12.34 USD}: the currency's own number of decimals, never a float. */
    public static String money(long amountMinor, String currency) {
        int digits = Currencies.parse(currency).map(Currency::getDefaultFractionDigits).orElse(0);
        return BigDecimal.valueOf(amountMinor, Math.max(digits, 0)).toPlainString() + " " + currency;
    }

    /** Epoch nanoseconds as a UTC time to the second; a dash for zero (not yet). */
    public static String time(long epochNanos) {
        if (epochNanos == 0) return "–";
        return TIME.format(Instant.ofEpochSecond(0, epochNanos)) + " UTC";
    }

    /** An enum constant as the API spells it: {@code REQUIRES_CAPTURE} as {@code requires_capture}. */
    public static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** A share as a percentage with one decimal; a dash when there is nothing to divide. */
    public static String percent(long part, long whole) {
        if (whole == 0) return "–";
        return BigDecimal.valueOf(part * 1_000 / whole, 1).toPlainString() + " %";
    }
}
