package org.corridor.vault;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.corridor.vault.cryptogram.TokenKey;

/**
 * The vault as the switch uses it: seals PANs and token keys for storage, finds cards by fingerprint, and lends a
 * clear PAN to one function at a time (the issuer link packing a message). Nothing else in Corridor sees a clear PAN.
 *
 * <p>Every ciphertext is bound to the row it belongs in ({@code card:<id>} or {@code token:<id>}), so a sealed value
 * copied to another row does not open. {@link #needsReseal} and {@link #reseal} serve key rotation.
 */
public final class TokenVault {
    /** A PAN sealed for one card row, with what may be shown of it. */
    public record SealedPan(String fingerprint, byte[] sealed, String bin, String lastFour) {}

    /** A new token key, sealed for its row, and the hex the device wallet receives. */
    public record IssuedKey(byte[] sealed, String hexForDevice) {
        @Override
        public String toString() {
            return "IssuedKey[sealed]";
        }
    }

    /**
     * Token keys kept open in memory, so a payment does not decrypt its token's key again; the keysets that seal
     * them are in this process's memory anyway. Bounded: when full, the cache starts over.
     */
    public static final int OPEN_TOKEN_KEYS_MAX = 100_000;

    private final PanCipher cipher;
    private final PanFingerprint fingerprints;
    private final SecureRandom random;
    private final Map<String, TokenKey> openTokenKeys = new ConcurrentHashMap<>();

    public TokenVault(PanCipher cipher, PanFingerprint fingerprints, SecureRandom random) {
        this.cipher = cipher;
        this.fingerprints = fingerprints;
        this.random = random;
    }

    public String fingerprintOf(Pan pan) {
        return fingerprints.fingerprintOf(pan);
    }

    /** A keyed digest of a request that carries a card number; see {@link PanFingerprint#requestDigest}. */
    public String requestDigest(byte[] request) {
        return fingerprints.requestDigest(request);
    }

    public SealedPan seal(Pan pan, String cardId) {
        return new SealedPan(fingerprints.fingerprintOf(pan), cipher.encrypt(pan, cardData(cardId)), pan.bin().substring(0, 6),
                pan.lastFour());
    }

    /** Lends the clear PAN of a sealed card to {@code use} (packing an ISO 8583 message) and returns its result. */
    public <R> R withClearPan(byte[] sealed, String cardId, Function<String, R> use) {
        return use.apply(cipher.decrypt(sealed, cardData(cardId)).reveal());
    }

    /** Lends the clear digits of a PAN not yet sealed (verifying a card at enrolment). */
    public <R> R withClearPan(Pan pan, Function<String, R> use) {
        return use.apply(pan.reveal());
    }

    public IssuedKey newTokenKey(String tokenId) {
        String hex = TokenKey.generate(random).toHexForDevice();
        return new IssuedKey(cipher.sealBytes(hex.getBytes(StandardCharsets.US_ASCII), tokenData(tokenId)), hex);
    }

    /** The token's key, opened from its sealed form (once; then from memory). A token's key never changes. */
    public TokenKey openTokenKey(byte[] sealed, String tokenId) {
        TokenKey open = openTokenKeys.get(tokenId);
        if (open != null) return open;
        open = TokenKey.fromHex(new String(cipher.openBytes(sealed, tokenData(tokenId)), StandardCharsets.US_ASCII));
        if (openTokenKeys.size() >= OPEN_TOKEN_KEYS_MAX) openTokenKeys.clear();
        openTokenKeys.put(tokenId, open);
        return open;
    }

    /** Whether a ciphertext was sealed by a key other than the primary (a rotation has yet to re-wrap it). */
    public boolean needsReseal(byte[] sealed) {
        return PanCipher.keyIdOf(sealed) != cipher.primaryKeyId();
    }

    public byte[] resealCard(byte[] sealed, String cardId) {
        return cipher.reseal(sealed, cardData(cardId));
    }

    public byte[] resealTokenKey(byte[] sealed, String tokenId) {
        return cipher.reseal(sealed, tokenData(tokenId));
    }

    /** The id of the key that seals from now on. */
    public int primaryKeyId() {
        return cipher.primaryKeyId();
    }

    public PanCipher cipher() {
        return cipher;
    }

    private static byte[] cardData(String cardId) {
        return ("card:" + cardId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] tokenData(String tokenId) {
        return ("token:" + tokenId).getBytes(StandardCharsets.UTF_8);
    }
}
