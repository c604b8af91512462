package org.corridor.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import org.corridor.core.Check;

/**
 * Encrypts a {@link Pan} for storage and opens it again: Tink AEAD with AES-256-GCM keys from a versioned keyset.
 *
 * <p>Every ciphertext is bound to associated data chosen by the caller, normally the id of the row that holds it,
 * so a ciphertext copied into another row does not decrypt. Each ciphertext starts with Tink's five-byte prefix
 * (a version byte and the four-byte id of the key that sealed it): decryption works with every key still in the
 * keyset, and {@link #rotate()} adds a fresh primary key that seals everything from then on.
 *
 * <p>Thread-safe: the keyset and its primitive are swapped together as one immutable state.
 */
public final class PanCipher {
    /** The most associated-data bytes accepted: a row id, not a document. */
    public static final int ASSOCIATED_DATA_BYTES_MAX = 256;
    /** The most ciphertext bytes accepted: prefix 5 + nonce 12 + 19 digits + tag 16 = 52, with room to spare. */
    public static final int CIPHERTEXT_BYTES_MAX = 128;
    /** The most keys a keyset may hold before old ones must be retired. */
    public static final int KEYS_MAX = 64;
    /** The length of Tink's ciphertext prefix: one version byte and a four-byte key id. */
    static final int PREFIX_BYTES = 5;

    private record State(KeysetHandle keyset, Aead aead) {}

    private volatile State state;

    private PanCipher(KeysetHandle keyset) {
        this.state = stateOf(keyset);
    }

    /** A cipher over {@code keyset}, which must hold AES-GCM keys only (see {@link VaultKeys}). */
    public static PanCipher of(KeysetHandle keyset) {
        Objects.requireNonNull(keyset, "keyset");
        return new PanCipher(keyset);
    }

    /** A cipher over a new keyset with one fresh AES-256-GCM key. */
    public static PanCipher withNewKeyset() {
        return new PanCipher(newKeyset());
    }

    /** A keyset with one fresh AES-256-GCM primary key. */
    static KeysetHandle newKeyset() {
        Tink.ready();
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate an AES-256-GCM key", e);
        }
    }

    /** Seals {@code pan}, bound to {@code associatedData} (for example the row id). */
    public byte[] encrypt(Pan pan, byte[] associatedData) {
        Objects.requireNonNull(pan, "pan");
        checkAssociatedData(associatedData);
        try {
            return state.aead().encrypt(pan.reveal().getBytes(StandardCharsets.US_ASCII), associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Opens a ciphertext made by {@link #encrypt} with any key in the keyset.
     *
     * @throws VaultIntegrityException if no key opens it with {@code associatedData}
     */
    public Pan decrypt(byte[] ciphertext, byte[] associatedData) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        checkAssociatedData(associatedData);
        if (ciphertext.length > CIPHERTEXT_BYTES_MAX) {
            throw new VaultIntegrityException("ciphertext refused: " + ciphertext.length + " bytes, more than "
                    + CIPHERTEXT_BYTES_MAX);
        }
        byte[] clear;
        try {
            clear = state.aead().decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            // Tink's message says nothing secret, but the cause is dropped anyway: nothing to learn from it.
            throw new VaultIntegrityException(
                    "ciphertext refused: no key in the keyset opens it with this associated data"
                            + " (tampered, moved to another row, or sealed by a removed key)");
        }
        String digits = new String(clear, StandardCharsets.US_ASCII);
        Check.that(Pan.isValid(digits), "a ciphertext that authenticated does not hold a valid card number");
        return Pan.of(digits);
    }

    /** Seals any secret bytes (a token key) the same way as a PAN. Vault-only. */
    byte[] sealBytes(byte[] clear, byte[] associatedData) {
        checkAssociatedData(associatedData);
        try {
            return state.aead().encrypt(clear, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Opens what {@link #sealBytes} sealed. Vault-only. */
    byte[] openBytes(byte[] ciphertext, byte[] associatedData) {
        checkAssociatedData(associatedData);
        if (ciphertext.length > CIPHERTEXT_BYTES_MAX) {
            throw new VaultIntegrityException("ciphertext refused: " + ciphertext.length + " bytes");
        }
        try {
            return state.aead().decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new VaultIntegrityException("ciphertext refused: no key in the keyset opens it with this associated data");
        }
    }

    /**
     * The same secret sealed again under the primary key: what a rotation does to each stored ciphertext. The clear
     * bytes exist only inside this call.
     */
    public byte[] reseal(byte[] ciphertext, byte[] associatedData) {
        byte[] clear = openBytes(ciphertext, associatedData);
        try {
            return sealBytes(clear, associatedData);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /**
     * Adds a fresh AES-256-GCM key and makes it the primary: new ciphertexts use it, old ones still decrypt.
     * Save {@link #keyset()} afterwards (see {@link VaultKeys#save}), or the new key is lost on restart.
     */
    public synchronized void rotate() {
        KeysetHandle current = state.keyset();
        Check.that(current.size() < KEYS_MAX, "keyset already holds " + KEYS_MAX + " keys; retire old keys first");
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(current)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build();
            state = stateOf(rotated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not add a new AES-256-GCM key", e);
        }
    }

    /** The current keyset, for saving. It holds secret keys: see {@link VaultKeys}. */
    public KeysetHandle keyset() {
        return state.keyset();
    }

    /** The id of the primary key, the one that seals new ciphertexts. */
    public int primaryKeyId() {
        return state.keyset().getPrimary().getId();
    }

    /** The id of the key that sealed {@code ciphertext}, read from its Tink prefix. */
    public static int keyIdOf(byte[] ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Check.that(ciphertext.length >= PREFIX_BYTES, "ciphertext is shorter than its key-id prefix");
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }

    private static State stateOf(KeysetHandle keyset) {
        Tink.ready();
        VaultKeys.requireKeyType(keyset, AesGcmKey.class, "AES-GCM");
        try {
            return new State(keyset, keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("keyset cannot make an AEAD primitive", e);
        }
    }

    private static void checkAssociatedData(byte[] associatedData) {
        Objects.requireNonNull(associatedData, "associatedData");
        if (associatedData.length == 0 || associatedData.length > ASSOCIATED_DATA_BYTES_MAX) {
            throw new IllegalArgumentException("associated data must have 1 to " + ASSOCIATED_DATA_BYTES_MAX
                    + " bytes, has " + associatedData.length);
        }
    }
}
