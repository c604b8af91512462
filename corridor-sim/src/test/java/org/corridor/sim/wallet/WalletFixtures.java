package org.corridor.sim.wallet;

import org.corridor.codec.card.Luhn;

/** The card numbers and keys of this package's tests: published test values, never a real card or key. */
final class WalletFixtures {
    /** The published Visa test card. */
    static final String CARD = "4111111111111111";
    /** The same number with its last digit changed: fails the Luhn check, so it is no card number. */
    static final String NOT_A_CARD = "4111111111111112";
    /** A device PAN from a made-up token BIN, Luhn-valid. */
    static final String DPAN = Luhn.withCheckDigit("489537001200347");
    /** A published Triple DES test key; its check value is {@value #KEY_CHECK_VALUE}. */
    static final String KEY_HEX = "0123456789ABCDEFFEDCBA9876543210";
    /** The check value of {@link #KEY_HEX}. */
    static final String KEY_CHECK_VALUE = "08D7B4";

    private WalletFixtures() {}
}
