package org.corridor.vault;

/** The test card numbers of this module's tests: published test PANs, never a real card. */
public final class TestCards {
    /** The Visa test card, also the canary that must never appear in clear outside the vault. */
    public static final String VISA = "4111111111111111";
    /** {@link #VISA} with its last digit changed: fails the Luhn check. */
    public static final String VISA_LUHN_BROKEN = "4111111111111112";

    private TestCards() {}
}
