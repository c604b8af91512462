package org.corridor.app.logging;

import org.corridor.codec.card.Luhn;

/**
 * Masks card numbers in free text: every run of 12 to 19 digits that passes the Luhn check keeps its last four
 * digits only. Corridor never logs a PAN on purpose (its tests look for them); this is the belt to those braces,
 * for the message a library or a mistake might still write.
 */
public final class PanMask {
    /** How many trailing digits stay visible. */
    static final int VISIBLE_DIGITS = 4;

    private PanMask() {}

    /** {@code text} with every Luhn-valid 12 to 19 digit run masked; the same string when there is none. */
    public static String mask(String text) {
        if (text == null) return null;
        StringBuilder masked = null;
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && isDigit(text.charAt(i))) i++;
            int digits = i - start;
            if (digits >= Luhn.PAN_DIGITS_MIN && digits <= Luhn.PAN_DIGITS_MAX && Luhn.isValid(text.substring(start, i))) {
                if (masked == null) masked = new StringBuilder(text);
                for (int j = start; j < i - VISIBLE_DIGITS; j++) masked.setCharAt(j, '*');
            }
        }
        return masked == null ? text : masked.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
