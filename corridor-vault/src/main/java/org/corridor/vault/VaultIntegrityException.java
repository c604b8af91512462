package org.corridor.vault;

/**
 * Stored vault data failed its integrity check: a ciphertext that no key in the keyset opens with the given
 * associated data (tampered bytes, a ciphertext moved to another row, or a key that was removed). This is never
 * a business outcome and is not retried; the message names no secret and no plaintext.
 */
public final class VaultIntegrityException extends RuntimeException {
    VaultIntegrityException(String message) {
        super(message);
    }
}
