package org.corridor.gateway;

/** The test card numbers of this module's tests: published test PANs, never a real card. */
public final class TestCards {
    /** The Visa test card. */
    public static final String VISA = "4111111111111111";

    private TestCards() {}
}
