package org.corridor.vault;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import java.security.GeneralSecurityException;

/**
 * Registers the Tink key types the vault uses (AES-GCM and HMAC-PRF) once per class loader. Key generation,
 * keyset parsing and primitive creation all look these up, so every vault class calls {@link #ready()} first.
 */
final class Tink {
    private Tink() {}

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Makes sure the registration above has run. */
    static void ready() {
        // The static initializer does the work; calling this method triggers it.
    }
}
