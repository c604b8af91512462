package org.corridor.vault;

import org.corridor.codec.card.Luhn;

/**
 * A primary account number (card number): 12 to 19 ASCII digits that pass the Luhn check.
 *
 * <p>A secret type. {@link #toString()} is masked, equality compares the number without exposing it, and the
 * clear digits leave this object only through the package-private {@link #reveal()}, so only vault code can
 * read them. Construction errors state what is wrong and never repeat the input, which may be a real PAN.
 * The class is deliberately not {@link java.io.Serializable}: a PAN is stored through {@link PanCipher}.
 */
public final class Pan {
    /** The shortest card number accepted, check digit included. */
    public static final int DIGITS_MIN = Luhn.PAN_DIGITS_MIN;
    /** The longest card number ISO/IEC 7812 allows, check digit included. */
    public static final int DIGITS_MAX = Luhn.PAN_DIGITS_MAX;
    /** The most leading digits a masked form shows (the classic six-digit BIN). */
    public static final int MASK_LEADING_DIGITS_MAX = 6;
    /** The trailing digits a masked form shows. */
    public static final int MASK_TRAILING_DIGITS = 4;
    /**
     * The fewest digits a masked form hides. Showing six plus four digits of a 12-digit number would leave two
     * unknown digits; so short numbers show fewer leading digits instead.
     */
    public static final int MASK_HIDDEN_DIGITS_MIN = 6;
    /** Card numbers at least this long have an eight-digit BIN (ISO/IEC 7812-1:2017); shorter ones six. */
    public static final int EIGHT_DIGIT_BIN_LENGTH_MIN = 16;

    private static final char MASK = '*';

    private final String digits;

    private Pan(String digits) {
        this.digits = digits;
    }

    /**
     * The card number {@code digits}.
     *
     * @throws IllegalArgumentException if {@code digits} is null, has the wrong length, holds a character that
     *     is not an ASCII digit, or fails the Luhn check; the message never repeats the input
     */
    public static Pan of(String digits) {
        String problem = problemWith(digits);
        if (problem != null) throw new IllegalArgumentException(problem);
        return new Pan(digits);
    }

    /** Whether {@code digits} would make a {@link Pan}: right length, digits only, Luhn-valid. Never throws. */
    public static boolean isValid(String digits) {
        return problemWith(digits) == null;
    }

    /** Why {@code digits} is not a card number, in words that never quote it, or null if it is one. */
    private static String problemWith(String digits) {
        if (digits == null) return "card number must not be null";
        int length = digits.length();
        if (length < DIGITS_MIN || length > DIGITS_MAX) {
            return "card number must have " + DIGITS_MIN + " to " + DIGITS_MAX + " digits, has " + length
                    + " characters";
        }
        for (int i = 0; i < length; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') return "card number must be ASCII digits only; position " + i + " is not";
        }
        if (!Luhn.isValidPan(digits)) return "card number fails the Luhn check";
        return null;
    }

    /** The number of digits, check digit included. */
    public int length() {
        return digits.length();
    }

    /** The issuer identification number: the first 8 digits of a number of 16 or more digits, else the first 6. */
    public String bin() {
        return digits.substring(0, digits.length() >= EIGHT_DIGIT_BIN_LENGTH_MIN ? 8 : 6);
    }

    /** The last four digits, as printed on receipts. */
    public String lastFour() {
        return digits.substring(digits.length() - MASK_TRAILING_DIGITS);
    }

    /**
     * The masked form: at most the first 6 and the last 4 digits, the rest as {@code '*'}, and always at least
     * {@value #MASK_HIDDEN_DIGITS_MIN} digits hidden ({@code 411111******1111}, {@code 41******1111}).
     */
    public String masked() {
        int length = digits.length();
        int leading = Math.min(MASK_LEADING_DIGITS_MAX, length - MASK_TRAILING_DIGITS - MASK_HIDDEN_DIGITS_MIN);
        int hidden = length - leading - MASK_TRAILING_DIGITS;
        return digits.substring(0, leading) + String.valueOf(MASK).repeat(hidden) + lastFour();
    }

    /**
     * The clear digits. Vault-only: package-private so that nothing outside {@code org.corridor.vault} can read a
     * card number; callers there must not log, print or store the result unencrypted.
     */
    String reveal() {
        return digits;
    }

    /** The masked form, never the clear number: safe for logs and messages. */
    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pan pan && digits.equals(pan.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }
}
