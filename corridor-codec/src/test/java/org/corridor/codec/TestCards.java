package org.corridor.codec;

/** The test card numbers of this module's tests: published test PANs, never a real card. */
public final class TestCards {
    /** The Visa test card, also the canary that must never appear in a message's text. */
    public static final String VISA = "4111111111111111";
    /** {@link #VISA} with its last digit changed: fails the Luhn check. */
    public static final String VISA_LUHN_BROKEN = "4111111111111112";
    /** Another published Visa test card. */
    public static final String VISA_OTHER = "4012888888881881";
    /** The Mastercard test card. */
    public static final String MASTERCARD = "5555555555554444";
    /** The American Express test card (15 digits). */
    public static final String AMEX = "378282246310005";
    /** The Discover test card. */
    public static final String DISCOVER = "6011111111111117";

    private TestCards() {}
}
