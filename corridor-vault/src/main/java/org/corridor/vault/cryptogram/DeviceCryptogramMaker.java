package org.corridor.vault.cryptogram;

import java.util.Objects;

/**
 * The device side of a token, for the wallet simulator: holds the token key handed over at enrolment and the ATC,
 * which it increments before each cryptogram, as an EMV card does. Thread-safe: each call gets its own ATC.
 */
public final class DeviceCryptogramMaker {
    private final TokenKey tokenKey;
    private int lastAtc; // Guarded by this.

    private DeviceCryptogramMaker(TokenKey tokenKey, int lastAtc) {
        this.tokenKey = tokenKey;
        this.lastAtc = lastAtc;
    }

    /** A newly enrolled device: its first cryptogram carries ATC 1. */
    public static DeviceCryptogramMaker fresh(TokenKey tokenKey) {
        return startingAfter(tokenKey, 0);
    }

    /**
     * A device whose last ATC used was {@code lastAtc}: its next cryptogram carries {@code lastAtc + 1}.
     *
     * @throws IllegalArgumentException if {@code lastAtc} is outside 0 to {@value SessionKeys#ATC_MAX}
     */
    public static DeviceCryptogramMaker startingAfter(TokenKey tokenKey, int lastAtc) {
        Objects.requireNonNull(tokenKey, "tokenKey");
        if (lastAtc < 0 || lastAtc > SessionKeys.ATC_MAX) {
            throw new IllegalArgumentException("an ATC must be 0 to " + SessionKeys.ATC_MAX + ", was " + lastAtc);
        }
        return new DeviceCryptogramMaker(tokenKey, lastAtc);
    }

    /**
     * Increments the ATC and makes the cryptogram for it over {@code data}.
     *
     * @throws IllegalStateException if the ATC is exhausted (it stood at {@value SessionKeys#ATC_MAX}); the token
     *     must then be provisioned again
     */
    public synchronized DeviceCryptogram next(PaymentData data) {
        Objects.requireNonNull(data, "data");
        if (lastAtc == SessionKeys.ATC_MAX) {
            throw new IllegalStateException("the ATC is exhausted at " + SessionKeys.ATC_MAX + "; provision the token again");
        }
        int atc = lastAtc + 1;
        DeviceCryptogram made = new DeviceCryptogram(atc, Cryptograms.compute(tokenKey, atc, data));
        lastAtc = atc;
        return made;
    }

    /** The last ATC used. */
    public synchronized int lastAtc() {
        return lastAtc;
    }

    /** The key's check value and the ATC, never the key. */
    @Override
    public String toString() {
        return "DeviceCryptogramMaker[" + tokenKey + ", lastAtc=" + lastAtc() + "]";
    }
}
