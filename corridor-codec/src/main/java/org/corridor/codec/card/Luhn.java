package org.corridor.codec.card;

/**
 * The Luhn (ISO/IEC 7812-1, mod 10) check digit over decimal strings.
 *
 * <p>{@link #isValid} and {@link #checkDigit} take any digit string of a bounded length; {@link #isValidPan}
 * adds the card-number length bounds. Input that is not a string of ASCII digits is a caller error and
 * throws {@link IllegalArgumentException}; the message never repeats the input, which may be a PAN.
 */
public final class Luhn {
    /** The shortest primary account number Corridor accepts, check digit included. */
    public static final int PAN_DIGITS_MIN = 12;
    /** The longest primary account number ISO/IEC 7812 allows, check digit included. */
    public static final int PAN_DIGITS_MAX = 19;
    /** The longest digit string the generic methods accept: a bound, not a card rule. */
    public static final int DIGITS_MAX = 64;

    private Luhn() {}

    /** The digit that, appended to {@code payload}, makes a Luhn-valid number. */
    public static int checkDigit(String payload) {
        requireDigits(payload, 1, DIGITS_MAX - 1);
        int sum = weightedSum(payload, true);
        return (10 - sum % 10) % 10;
    }

    /** Whether {@code number} (check digit last) passes the Luhn check. */
    public static boolean isValid(String number) {
        requireDigits(number, 2, DIGITS_MAX);
        return weightedSum(number, false) % 10 == 0;
    }

    /** Whether {@code pan} has a card number's length (12 to 19 digits) and passes the Luhn check. */
    public static boolean isValidPan(String pan) {
        requireDigits(pan, PAN_DIGITS_MIN, PAN_DIGITS_MAX);
        return weightedSum(pan, false) % 10 == 0;
    }

    /** {@code payload} followed by its check digit. */
    public static String withCheckDigit(String payload) {
        return payload + checkDigit(payload);
    }

    /**
     * Sums the digits from the right, doubling every second one. When {@code doubleRightmost} is true the
     * rightmost digit is doubled (the payload of a number whose check digit is still missing).
     */
    private static int weightedSum(String digits, boolean doubleRightmost) {
        int sum = 0;
        boolean doubled = doubleRightmost;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) digit -= 9;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum;
    }

    private static void requireDigits(String value, int lengthMin, int lengthMax) {
        if (value == null) throw new IllegalArgumentException("number must not be null");
        int length = value.length();
        if (length < lengthMin || length > lengthMax) {
            throw new IllegalArgumentException(
                    "number must have " + lengthMin + " to " + lengthMax + " digits, has " + length + " characters");
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("number must be ASCII digits only; position " + i + " is not");
            }
        }
    }
}
