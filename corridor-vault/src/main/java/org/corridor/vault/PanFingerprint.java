package org.corridor.vault;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.HmacPrfKey;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A keyed hash of a {@link Pan} for finding a card by number without storing the number in the clear: Tink PRF
 * with an HMAC-SHA256 key, 32 bytes of output, written as 64 lower-case hex characters.
 *
 * <p>The same key always gives the same fingerprint for the same PAN, which is what makes lookup work; a plain
 * unkeyed hash would not do, since the at most a billion card numbers behind one BIN are quick to enumerate. The key
 * therefore is not rotated like the encryption key: a new key means recomputing every stored fingerprint.
 */
public final class PanFingerprint {
    /** The fingerprint length in bytes (the full HMAC-SHA256 output). */
    public static final int FINGERPRINT_BYTES = 32;

    private final PrfSet prf;

    private PanFingerprint(PrfSet prf) {
        this.prf = prf;
    }

    /** Fingerprints with the primary key of {@code keyset}, which must hold HMAC-PRF keys only. */
    public static PanFingerprint of(KeysetHandle keyset) {
        Objects.requireNonNull(keyset, "keyset");
        Tink.ready();
        VaultKeys.requireKeyType(keyset, HmacPrfKey.class, "HMAC-PRF");
        try {
            return new PanFingerprint(keyset.getPrimitive(RegistryConfiguration.get(), PrfSet.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("keyset cannot make a PRF primitive", e);
        }
    }

    /** A keyset with one fresh HMAC-SHA256 PRF key. */
    static KeysetHandle newKeyset() {
        Tink.ready();
        try {
            return KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate an HMAC-SHA256 PRF key", e);
        }
    }

    /** The fingerprint of {@code pan}: 64 lower-case hex characters. */
    public String fingerprintOf(Pan pan) {
        Objects.requireNonNull(pan, "pan");
        try {
            byte[] out = prf.computePrimary(pan.reveal().getBytes(StandardCharsets.US_ASCII), FINGERPRINT_BYTES);
            return HexFormat.of().formatHex(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 PRF failed", e);
        }
    }

    /**
     * A keyed digest of a request that carries a card number (64 hex characters), kept to recognise a retry of it:
     * unlike a plain hash, it cannot be searched through the few card numbers a BIN and last four digits leave. The
     * input is prefixed so that it never equals a card's fingerprint.
     */
    public String requestDigest(byte[] request) {
        Objects.requireNonNull(request, "request");
        byte[] input = new byte[REQUEST_PREFIX.length + request.length];
        System.arraycopy(REQUEST_PREFIX, 0, input, 0, REQUEST_PREFIX.length);
        System.arraycopy(request, 0, input, REQUEST_PREFIX.length, request.length);
        try {
            return HexFormat.of().formatHex(prf.computePrimary(input, FINGERPRINT_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 PRF failed", e);
        }
    }

    private static final byte[] REQUEST_PREFIX = "request\n".getBytes(StandardCharsets.US_ASCII);
}
