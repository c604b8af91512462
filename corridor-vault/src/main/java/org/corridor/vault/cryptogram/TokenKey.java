package org.corridor.vault.cryptogram;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.params.DESParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A double-length Triple DES key (16 bytes, two DES halves K1 || K2, odd parity): the key one device token gets at
 * enrolment, and also the shape of the session keys derived from it.
 *
 * <p>Triple DES rather than AES because the EMV cryptogram versions that issuers and networks verify today are
 * Triple DES with ISO/IEC 9797-1 MAC algorithm 3, and because the published EMV vectors this package is tested
 * against are Triple DES ones.
 *
 * <p>A secret type: {@link #toString()} shows only the three-byte key check value, the clear bytes leave this object
 * only through the package-private {@link #reveal()}, and no message ever quotes them. Deliberately neither
 * {@link java.io.Serializable} nor comparable by value.
 */
public final class TokenKey {
    /** The length of a double-length Triple DES key. */
    public static final int KEY_BYTES = 16;
    /** The length of a key written in hexadecimal, as the API hands it out. */
    public static final int KEY_HEX_CHARS = 2 * KEY_BYTES;
    /** The bytes of a key check value: the leftmost bytes of the key's encryption of a zero block. */
    public static final int CHECK_VALUE_BYTES = 3;
    /** How many random keys {@link #generate} draws before giving up on a random source that repeats itself. */
    static final int GENERATE_ATTEMPTS_MAX = 16;

    private static final int DES_BLOCK_BYTES = 8;

    private final byte[] key;

    private TokenKey(byte[] key) {
        this.key = key;
    }

    /**
     * A fresh key from {@code random}: odd parity, two distinct halves (equal halves would make it single DES) and
     * no weak or semi-weak DES half.
     *
     * @throws IllegalStateException if {@code random} gives no usable key in {@value #GENERATE_ATTEMPTS_MAX} draws
     */
    public static TokenKey generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        for (int attempt = 0; attempt < GENERATE_ATTEMPTS_MAX; attempt++) {
            byte[] candidate = new byte[KEY_BYTES];
            random.nextBytes(candidate);
            DESParameters.setOddParity(candidate);
            if (isUsable(candidate)) return new TokenKey(candidate);
            Arrays.fill(candidate, (byte) 0);
        }
        throw new IllegalStateException("the random source gave no usable key in " + GENERATE_ATTEMPTS_MAX + " draws");
    }

    /**
     * The key with these 16 bytes, copied. Vault-only: known-answer tests and session keys need it.
     *
     * @throws IllegalArgumentException if {@code bytes} is null or not 16 bytes long; the message never quotes it
     */
    static TokenKey of(byte[] bytes) {
        if (bytes == null || bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("a token key must be " + KEY_BYTES + " bytes");
        }
        return new TokenKey(bytes.clone());
    }

    /**
     * The key as the device wallet receives it at enrolment: 32 hex digits. The one place a token key leaves the
     * switch; callers put it in the enrolment reply and nowhere else.
     */
    public String toHexForDevice() {
        return HexFormat.of().formatHex(key);
    }

    /**
     * The key written as {@value #KEY_HEX_CHARS} hexadecimal characters (either case), the form the API hands to a
     * wallet once at enrolment. Public because the wallet (the device side) lives outside the vault and must turn
     * that reply into a key; the key still leaves this object only through {@link #reveal()}.
     *
     * @throws IllegalArgumentException if {@code hex} is null, not {@value #KEY_HEX_CHARS} characters long or holds
     *     a character that is not a hexadecimal digit; the message never quotes it
     */
    public static TokenKey fromHex(String hex) {
        if (hex == null || hex.length() != KEY_HEX_CHARS) {
            throw new IllegalArgumentException("a token key must be " + KEY_HEX_CHARS + " hexadecimal characters");
        }
        for (int i = 0; i < KEY_HEX_CHARS; i++) {
            // HexFormat.isHexDigit accepts ASCII hex digits only, unlike Character.digit, which takes any script's.
            if (!HexFormat.isHexDigit(hex.charAt(i))) {
                throw new IllegalArgumentException("a token key must be hexadecimal; position " + i + " is not");
            }
        }
        byte[] bytes = HexFormat.of().parseHex(hex);
        try {
            return of(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static boolean isUsable(byte[] candidate) {
        boolean halvesDiffer = !Arrays.equals(candidate, 0, DES_BLOCK_BYTES, candidate, DES_BLOCK_BYTES, KEY_BYTES);
        return halvesDiffer
                && !DESParameters.isWeakKey(candidate, 0)
                && !DESParameters.isWeakKey(candidate, DES_BLOCK_BYTES);
    }

    /** A copy of the clear key bytes. Vault-only: callers must not log, print or store the result. */
    byte[] reveal() {
        return key.clone();
    }

    /**
     * The key check value: the first {@value #CHECK_VALUE_BYTES} bytes of the key's Triple DES encryption of eight
     * zero bytes, as upper-case hex. Identifies a key in logs and at key exchange without revealing it.
     */
    public String checkValue() {
        DESedeEngine engine = new DESedeEngine();
        engine.init(true, new KeyParameter(key));
        byte[] block = new byte[DES_BLOCK_BYTES];
        engine.processBlock(block, 0, block, 0);
        return HexFormat.of().withUpperCase().formatHex(block, 0, CHECK_VALUE_BYTES);
    }

    /** The check value only, never the key: safe for logs and messages. */
    @Override
    public String toString() {
        return "TokenKey[kcv=" + checkValue() + "]";
    }
}
