package org.corridor.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The vault's two keyset files in one directory: {@value #CIPHER_FILE} (AES-256-GCM, sealing PANs and token keys,
 * rotated with {@link #rotateCipher}) and {@value #FINGERPRINT_FILE} (HMAC-SHA256, card fingerprints, never rotated).
 * Both are created on first use. See {@link VaultKeys} for how they must be protected.
 */
public final class VaultFiles {
    public static final String CIPHER_FILE = "pan-cipher.json";
    public static final String FINGERPRINT_FILE = "pan-fingerprint.json";

    private VaultFiles() {}

    /** The vault whose keys live in {@code directory}, creating the directory and keys on first use. */
    public static TokenVault open(Path directory, SecureRandom random) {
        createDirectory(directory);
        PanCipher cipher = PanCipher.of(VaultKeys.loadOrCreateCipherKeyset(directory.resolve(CIPHER_FILE)));
        PanFingerprint fingerprints = PanFingerprint.of(
                VaultKeys.loadOrCreateFingerprintKeyset(directory.resolve(FINGERPRINT_FILE)));
        return new TokenVault(cipher, fingerprints, random);
    }

    /** A vault with fresh keys held in memory only: for tests and benchmarks, whose cards die with the process. */
    public static TokenVault inMemory(SecureRandom random) {
        return new TokenVault(PanCipher.withNewKeyset(), PanFingerprint.of(PanFingerprint.newKeyset()), random);
    }

    /**
     * Adds a new primary key to the cipher keyset in {@code directory} and saves it; existing ciphertexts still open
     * and are re-sealed under the new key by the switch (at start-up, or by {@code corridor vault rewrap}).
     *
     * @return the new primary key's id
     */
    public static int rotateCipher(Path directory) {
        Path file = directory.resolve(CIPHER_FILE);
        PanCipher cipher = PanCipher.of(VaultKeys.load(file));
        cipher.rotate();
        VaultKeys.save(cipher.keyset(), file);
        return cipher.primaryKeyId();
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the vault directory " + directory, e);
        }
    }
}
