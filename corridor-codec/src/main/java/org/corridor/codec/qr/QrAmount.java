package org.corridor.codec.qr;

import java.util.Currency;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Amounts as the payload writes them: a decimal string of at most {@link #AMOUNT_CHARS_MAX} characters in the
 * currency's major unit, converted from and to {@code long} minor units with integer arithmetic only. JPY has
 * no decimals ({@code 1000}), USD two ({@code 10.00}), BHD three ({@code 1.234}).
 *
 * <p>Reading follows the specification's tolerance: digits, at most one {@code .}, no more decimals than the
 * currency's exponent, fewer allowed ({@code 10.5} is 10.50) and a trailing {@code .} allowed. Writing always
 * gives every decimal, so one amount has one spelling.
 */
public final class QrAmount {
    /** The longest amount data object {@code 54} may hold, in characters. */
    public static final int AMOUNT_CHARS_MAX = 13;

    private QrAmount() {}

    /** The payload spelling of {@code amountMinor} in {@code currency}, empty if it is not positive or too long. */
    public static Optional<String> format(long amountMinor, Currency currency) {
        if (amountMinor <= 0) return Optional.empty();
        int exponent = currency.getDefaultFractionDigits();
        String digits = Long.toString(amountMinor);
        String text;
        if (exponent <= 0) {
            text = digits;
        } else {
            String padded = "0".repeat(Math.max(0, exponent + 1 - digits.length())) + digits;
            int point = padded.length() - exponent;
            text = padded.substring(0, point) + "." + padded.substring(point);
        }
        return text.length() <= AMOUNT_CHARS_MAX ? Optional.of(text) : Optional.empty();
    }

    /** The minor units that {@code text} spells in {@code currency}, empty if it is not a valid positive amount. */
    public static OptionalLong parseMinor(String text, Currency currency) {
        int exponent = Math.max(0, currency.getDefaultFractionDigits());
        return parseScaled(text, exponent);
    }

    /** {@code text} as a whole number of 10^-{@code exponent} units, empty unless positive and well-formed. */
    static OptionalLong parseScaled(String text, int exponent) {
        if (text.isEmpty() || text.length() > AMOUNT_CHARS_MAX) return OptionalLong.empty();
        long whole = 0;
        long fraction = 0;
        int integerDigits = 0;
        int fractionDigits = -1; // -1 until the decimal mark is seen
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (fractionDigits >= 0) return OptionalLong.empty();
                fractionDigits = 0;
            } else if (c >= '0' && c <= '9') {
                if (fractionDigits < 0) {
                    whole = whole * 10 + (c - '0'); // at most 13 digits: no overflow
                    integerDigits++;
                } else {
                    if (++fractionDigits > exponent) return OptionalLong.empty();
                    fraction = fraction * 10 + (c - '0');
                }
            } else {
                return OptionalLong.empty();
            }
        }
        if (integerDigits == 0) return OptionalLong.empty();
        int missing = exponent - Math.max(0, fractionDigits);
        long minor = Math.addExact(Math.multiplyExact(whole, pow10(exponent)), Math.multiplyExact(fraction, pow10(missing)));
        return minor > 0 ? OptionalLong.of(minor) : OptionalLong.empty();
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) value *= 10;
        return value;
    }
}
