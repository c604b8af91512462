package org.corridor.vault.cryptogram;

import java.util.Currency;
import java.util.Objects;

/**
 * The payment fields a device cryptogram covers, besides the ATC.
 *
 * @param amountMinor the authorised amount in minor units of {@code currency} (tag 9F02, 12 digits)
 * @param currency the transaction currency (tag 5F2A, its ISO 4217 numeric code)
 * @param merchantId the merchant's id as Corridor knows it, 1 to {@value #MERCHANT_ID_CHARS_MAX} characters
 * @param unpredictableNumber the terminal unpredictable number (tag 9F37), all 32 bits significant
 */
public record PaymentData(long amountMinor, Currency currency, String merchantId, int unpredictableNumber) {
    /** The largest amount twelve BCD digits hold. */
    public static final long AMOUNT_MINOR_MAX = 999_999_999_999L;
    /** The longest merchant id accepted. */
    public static final int MERCHANT_ID_CHARS_MAX = 64;
    /** The largest ISO 4217 numeric code. */
    static final int CURRENCY_NUMERIC_MAX = 999;

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the amount is negative or above {@value #AMOUNT_MINOR_MAX}, the currency
     *     has no ISO 4217 numeric code, or the merchant id is blank or too long
     */
    public PaymentData {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(merchantId, "merchantId");
        if (amountMinor < 0 || amountMinor > AMOUNT_MINOR_MAX) {
            throw new IllegalArgumentException("amountMinor must be 0 to " + AMOUNT_MINOR_MAX + ", was " + amountMinor);
        }
        int numeric = currency.getNumericCode();
        if (numeric <= 0 || numeric > CURRENCY_NUMERIC_MAX) {
            throw new IllegalArgumentException("currency " + currency + " has no ISO 4217 numeric code");
        }
        if (merchantId.isBlank() || merchantId.length() > MERCHANT_ID_CHARS_MAX) {
            throw new IllegalArgumentException("merchantId must be 1 to " + MERCHANT_ID_CHARS_MAX
                    + " characters and not blank, has " + merchantId.length());
        }
    }
}
