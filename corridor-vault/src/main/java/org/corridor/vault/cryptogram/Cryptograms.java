package org.corridor.vault.cryptogram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.macs.ISO9797Alg3Mac;
import org.bouncycastle.crypto.paddings.ISO7816d4Padding;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The one-time device cryptogram (ARQC style, tag 9F26): ISO/IEC 9797-1 MAC algorithm 3 (the "retail MAC": single
 * DES CBC under K1, the last block through Triple DES K1-K2-K1) with padding method 2 ('80' then zeros, as EMV
 * Book 2 A1.2.1), 8 bytes, under the session key {@link SessionKeys#forAtc} derives from the token key and the ATC.
 *
 * <p>The MAC input is 30 bytes, in this order:
 * <pre>
 *  offset length tag   field
 *       0      6 9F02  amount in minor units, 12 BCD digits, right-aligned with leading zeros
 *       6      2 5F2A  currency, ISO 4217 numeric code as 4 BCD digits ("0840" for USD)
 *       8     16 -     merchant id: the first 16 bytes of SHA-256 over its UTF-8 bytes
 *      24      4 9F37  terminal unpredictable number, big-endian
 *      28      2 9F36  ATC, big-endian
 * </pre>
 * The merchant id is hashed so that any id up to {@value PaymentData#MERCHANT_ID_CHARS_MAX} characters takes a fixed
 * width; a hash needs no key here, since the MAC itself is keyed.
 */
public final class Cryptograms {
    /** The length of a cryptogram. */
    public static final int CRYPTOGRAM_BYTES = 8;
    /** The length of the MAC input described above. */
    static final int LAYOUT_BYTES = 30;
    /** The bytes of the merchant id's hash that the MAC covers. */
    static final int MERCHANT_HASH_BYTES = 16;

    private static final int AMOUNT_BCD_BYTES = 6;
    private static final int CURRENCY_BCD_BYTES = 2;

    private Cryptograms() {}

    /**
     * The cryptogram the device with {@code tokenKey} makes for {@code atc} and {@code data}.
     *
     * @throws IllegalArgumentException if {@code atc} is outside 0 to {@value SessionKeys#ATC_MAX}
     */
    public static byte[] compute(TokenKey tokenKey, int atc, PaymentData data) {
        Objects.requireNonNull(data, "data");
        TokenKey sessionKey = SessionKeys.forAtc(tokenKey, atc);
        return mac(sessionKey, layout(atc, data));
    }

    /**
     * Whether {@code presented} is the cryptogram for {@code atc} and {@code data}, compared in constant time. A null
     * or wrongly sized {@code presented} does not match.
     *
     * @throws IllegalArgumentException if {@code atc} is outside 0 to {@value SessionKeys#ATC_MAX}
     */
    public static boolean matches(TokenKey tokenKey, int atc, PaymentData data, byte[] presented) {
        byte[] expected = compute(tokenKey, atc, data);
        return presented != null && presented.length == CRYPTOGRAM_BYTES && MessageDigest.isEqual(expected, presented);
    }

    /** The 30-byte MAC input for {@code atc} and {@code data}, laid out as the class documentation shows. */
    static byte[] layout(int atc, PaymentData data) {
        byte[] out = new byte[LAYOUT_BYTES];
        int offset = 0;
        offset = putBcd(out, offset, data.amountMinor(), AMOUNT_BCD_BYTES);
        offset = putBcd(out, offset, data.currency().getNumericCode(), CURRENCY_BCD_BYTES);
        System.arraycopy(merchantHash(data.merchantId()), 0, out, offset, MERCHANT_HASH_BYTES);
        offset += MERCHANT_HASH_BYTES;
        int number = data.unpredictableNumber();
        out[offset++] = (byte) (number >>> 24);
        out[offset++] = (byte) (number >>> 16);
        out[offset++] = (byte) (number >>> 8);
        out[offset++] = (byte) number;
        out[offset++] = (byte) (atc >>> 8);
        out[offset++] = (byte) atc;
        return out;
    }

    /** ISO/IEC 9797-1 MAC algorithm 3, padding method 2, 8 bytes, under {@code sessionKey}; package-private for vectors. */
    static byte[] mac(TokenKey sessionKey, byte[] input) {
        byte[] keyBytes = sessionKey.reveal();
        try {
            ISO9797Alg3Mac mac = new ISO9797Alg3Mac(new DESEngine(), CRYPTOGRAM_BYTES * Byte.SIZE, new ISO7816d4Padding());
            mac.init(new KeyParameter(keyBytes));
            mac.update(input, 0, input.length);
            byte[] out = new byte[CRYPTOGRAM_BYTES];
            mac.doFinal(out, 0);
            return out;
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    /** Writes {@code value} as {@code bytes * 2} BCD digits, most significant first; returns the next offset. */
    private static int putBcd(byte[] out, int offset, long value, int bytes) {
        long rest = value;
        for (int i = offset + bytes - 1; i >= offset; i--) {
            int low = (int) (rest % 10);
            rest /= 10;
            int high = (int) (rest % 10);
            rest /= 10;
            out[i] = (byte) ((high << 4) | low);
        }
        return offset + bytes;
    }

    private static byte[] merchantHash(String merchantId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(merchantId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
