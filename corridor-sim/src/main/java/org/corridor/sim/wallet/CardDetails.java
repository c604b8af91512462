package org.corridor.sim.wallet;

import java.util.Objects;
import org.corridor.vault.Pan;

/**
 * A card as the cardholder types it into the wallet to enrol it: number, expiry and name. The number stays clear
 * here because the wallet must send it to the token service once; {@link #toString()} masks it.
 *
 * @param number the card number, Luhn-valid
 * @param expMonth the expiry month, 1 to 12
 * @param expYear the four-digit expiry year
 * @param cardholderName the name on the card, 1 to {@value #CARDHOLDER_NAME_CHARS_MAX} characters
 */
public record CardDetails(String number, int expMonth, int expYear, String cardholderName) {
    /** The longest cardholder name accepted (ISO/IEC 7813 track 1 allows 26). */
    public static final int CARDHOLDER_NAME_CHARS_MAX = 26;
    /** The earliest expiry year accepted: anything earlier is a typing mistake, not a card. */
    public static final int EXP_YEAR_MIN = 2000;
    /** The latest expiry year accepted. */
    public static final int EXP_YEAR_MAX = 2099;

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the number is not a card number, the expiry is out of range or the name is
     *     blank or too long; messages never quote the number
     */
    public CardDetails {
        Objects.requireNonNull(cardholderName, "cardholderName");
        if (!Pan.isValid(number)) throw new IllegalArgumentException("the card number is not a valid card number");
        if (expMonth < 1 || expMonth > 12) throw new IllegalArgumentException("expMonth must be 1 to 12");
        if (expYear < EXP_YEAR_MIN || expYear > EXP_YEAR_MAX) {
            throw new IllegalArgumentException("expYear must be " + EXP_YEAR_MIN + " to " + EXP_YEAR_MAX);
        }
        if (cardholderName.isBlank() || cardholderName.length() > CARDHOLDER_NAME_CHARS_MAX) {
            throw new IllegalArgumentException("cardholderName must be 1 to " + CARDHOLDER_NAME_CHARS_MAX
                    + " characters and not blank");
        }
    }

    /** The number masked, for printing. */
    public String maskedNumber() {
        return CardNumbers.mask(number);
    }

    /** Masked: never the whole number. */
    @Override
    public String toString() {
        return "CardDetails[" + maskedNumber() + ", " + expMonth + "/" + expYear + ", " + cardholderName + "]";
    }
}
