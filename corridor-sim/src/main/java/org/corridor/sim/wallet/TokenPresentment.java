package org.corridor.sim.wallet;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.corridor.vault.Pan;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the wallet hands to the merchant for one payment: in a shop the terminal reads it from the phone, in an app
 * the wallet passes it to the merchant's app. The merchant puts it, as {@link #paymentMethodJson()}, into its confirm
 * request. Nothing here is secret except that the device PAN is printed masked.
 *
 * @param dpan the device PAN, Luhn-valid
 * @param atc the application transaction counter the cryptogram was made for
 * @param cryptogram the {@value #CRYPTOGRAM_BYTES}-byte cryptogram, copied in and out
 * @param unpredictableNumber the unpredictable number the cryptogram covers
 * @param entryMode how the payment data reached the merchant: the token's domain
 * @param terminalId the shop terminal's id, 1 to {@value #TERMINAL_ID_CHARS_MAX} characters, or null (in app)
 */
public record TokenPresentment(
        String dpan, int atc, byte[] cryptogram, int unpredictableNumber, TokenDomain entryMode, String terminalId) {
    /** The cryptogram's length (EMV tag 9F26). */
    public static final int CRYPTOGRAM_BYTES = 8;
    /** The longest terminal id (ISO 8583 DE41 is 8 characters). */
    public static final int TERMINAL_ID_CHARS_MAX = 8;
    /** The largest ATC (EMV tag 9F36 is two bytes). */
    public static final int ATC_MAX = 0xFFFF;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /**
     * Checks and copies the fields.
     *
     * @throws IllegalArgumentException if a field is out of range; messages never quote the device PAN
     */
    public TokenPresentment {
        Objects.requireNonNull(entryMode, "entryMode");
        if (!Pan.isValid(dpan)) throw new IllegalArgumentException("the device PAN is not a valid card number");
        if (atc < 0 || atc > ATC_MAX) throw new IllegalArgumentException("atc must be 0 to " + ATC_MAX);
        if (cryptogram == null || cryptogram.length != CRYPTOGRAM_BYTES) {
            throw new IllegalArgumentException("a cryptogram must be " + CRYPTOGRAM_BYTES + " bytes");
        }
        if (terminalId != null && (terminalId.isEmpty() || terminalId.length() > TERMINAL_ID_CHARS_MAX)) {
            throw new IllegalArgumentException("terminalId must be 1 to " + TERMINAL_ID_CHARS_MAX + " characters");
        }
        cryptogram = cryptogram.clone();
    }

    /** A copy of the cryptogram bytes. */
    @Override
    public byte[] cryptogram() {
        return cryptogram.clone();
    }

    /**
     * The same presentment with one bit of the cryptogram flipped: what a tampered or corrupted message looks like,
     * for showing that the switch refuses it.
     */
    public TokenPresentment withCorruptedCryptogram() {
        byte[] corrupted = cryptogram.clone();
        corrupted[corrupted.length - 1] ^= 0x01;
        return new TokenPresentment(dpan, atc, corrupted, unpredictableNumber, entryMode, terminalId);
    }

    /**
     * The {@code device_token} object of a confirm request: {@code dpan}, {@code atc}, {@code cryptogram} (16 hex
     * digits), {@code unpredictable_number} (8 hex digits), {@code entry_mode} and, in a shop, {@code terminal_id}.
     */
    public ObjectNode deviceTokenJson() {
        ObjectNode token = JsonMapper.shared().createObjectNode();
        token.put("dpan", dpan);
        token.put("atc", atc);
        token.put("cryptogram", HEX.formatHex(cryptogram));
        token.put("unpredictable_number", HEX.toHexDigits(unpredictableNumber));
        token.put("entry_mode", entryMode.wireName());
        if (terminalId != null) token.put("terminal_id", terminalId);
        return token;
    }

    /** The {@code payment_method} object of a confirm request: type {@code device_token} and the object above. */
    public ObjectNode paymentMethodJson() {
        ObjectNode method = JsonMapper.shared().createObjectNode();
        method.put("type", "device_token");
        method.set("device_token", deviceTokenJson());
        return method;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenPresentment that && atc == that.atc
                && unpredictableNumber == that.unpredictableNumber && dpan.equals(that.dpan)
                && Arrays.equals(cryptogram, that.cryptogram) && entryMode == that.entryMode
                && Objects.equals(terminalId, that.terminalId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dpan, atc, Arrays.hashCode(cryptogram), unpredictableNumber, entryMode, terminalId);
    }

    /** The device PAN masked; the rest is not secret. */
    @Override
    public String toString() {
        return "TokenPresentment[" + CardNumbers.mask(dpan) + ", atc=" + atc + ", cryptogram="
                + HEX.formatHex(cryptogram) + ", un=" + HEX.toHexDigits(unpredictableNumber) + ", "
                + entryMode.wireName() + (terminalId == null ? "" : ", terminal=" + terminalId) + "]";
    }
}
