package org.corridor.gateway;

/** The test card numbers of this module's tests: published test PANs, never a real card. */
public final class TestCards {
    /** The Visa test card. */
    public static final String VISA = "4111111111111111";
    /** A Visa number under BIN 411111 but no longer prefix of the routing tests. */
    public static final String VISA_UNDER_411111 = "4111119999999999";
    /** The same, another number. */
    public static final String VISA_UNDER_411111_OTHER = "4111119111111111";
    /** A Visa number under the eight-digit prefix 41111111 but not the eleven-digit one. */
    public static final String VISA_UNDER_41111111 = "4111111199999999";
    /** A Visa number one digit off BIN 411111: routed nowhere. */
    public static final String VISA_NEAR_411111 = "4111101111111111";
    /** A Visa number of another BIN. */
    public static final String VISA_OTHER_BIN = "4000000000000002";
    /** A Visa number used as a canary that must never appear in a message. */
    public static final String VISA_CANARY = "4929381726354650";
    /** A Mastercard number of the 2-series. */
    public static final String MASTERCARD_2_SERIES = "2221000000000009";
    /** The Mastercard test card. */
    public static final String MASTERCARD = "5555555555554444";
    /** A 19-digit UnionPay number. */
    public static final String UNIONPAY_19_DIGITS = "6212345678901234567";

    private TestCards() {}
}
