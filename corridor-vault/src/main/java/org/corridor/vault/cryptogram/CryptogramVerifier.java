package org.corridor.vault.cryptogram;

import java.util.Objects;

/**
 * Corridor's side of one token: checks each presented cryptogram against the token key, then its ATC against the
 * token's {@link AtcWindow}, in the precedence {@link CryptogramCheck} documents. Thread-safe: the window serialises
 * admissions, so concurrent duplicates of one payment get exactly one {@link CryptogramCheck#OK}.
 */
public final class CryptogramVerifier {
    private final TokenKey tokenKey;
    private final AtcWindow window;

    private CryptogramVerifier(TokenKey tokenKey, AtcWindow window) {
        this.tokenKey = tokenKey;
        this.window = window;
    }

    /** A verifier for the token with {@code tokenKey}, whose admitted ATCs live in {@code window}. */
    public static CryptogramVerifier of(TokenKey tokenKey, AtcWindow window) {
        Objects.requireNonNull(tokenKey, "tokenKey");
        Objects.requireNonNull(window, "window");
        return new CryptogramVerifier(tokenKey, window);
    }

    /**
     * Checks {@code cryptogram} for {@code atc} and {@code data}; only an {@link CryptogramCheck#OK} moves the window.
     *
     * @throws IllegalArgumentException if {@code atc} is outside 0 to {@value SessionKeys#ATC_MAX} (tag 9F36 is
     *     two bytes, so a decoder never hands such a value in)
     */
    public CryptogramCheck check(int atc, PaymentData data, byte[] cryptogram) {
        Objects.requireNonNull(data, "data");
        if (!Cryptograms.matches(tokenKey, atc, data, cryptogram)) return CryptogramCheck.CRYPTOGRAM_INVALID;
        return window.admit(atc);
    }

    /** The token's window, for storage. */
    public AtcWindow window() {
        return window;
    }

    /** The key's check value and the window, never the key. */
    @Override
    public String toString() {
        return "CryptogramVerifier[" + tokenKey + ", " + window + "]";
    }
}
