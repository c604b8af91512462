package org.corridor.app.demo;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.SplittableRandom;

/** Payment amounts of a plausible size in each of the demo's currencies, and how they are printed. */
final class DemoAmounts {
    /** The smallest payment, in minor units of a dollar or a euro. */
    static final long PAYMENT_MINOR_MIN = 100;
    /** The largest payment, in minor units of a dollar or a euro. */
    static final long PAYMENT_MINOR_MAX = 6_000;

    private DemoAmounts() {}

    /** How many minor units of {@code currency} buy about what one of a dollar does: 7 fen, 1 cent. */
    static long scale(Currency currency) {
        return currency.getCurrencyCode().equals("CNY") ? 7 : 1;
    }

    /** A payment amount in minor units of {@code currency}. */
    static long draw(SplittableRandom random, Currency currency) {
        return random.nextLong(PAYMENT_MINOR_MIN, PAYMENT_MINOR_MAX + 1) * scale(currency);
    }

    /** {@code minor} units of {@code currency} as a decimal amount: 1234 USD is 12.34. */
    static String format(long minor, String currency) {
        return BigDecimal.valueOf(minor, Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString();
    }
}
