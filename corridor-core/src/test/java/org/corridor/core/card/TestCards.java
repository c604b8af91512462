package org.corridor.core.card;

/**
 * The device PANs the core's card tests present: the one place in this module's tests that writes a card-shaped
 * number. They are Luhn-valid numbers of a token BIN range and of Corridor's own balance-token range, issued to no
 * card.
 */
public final class TestCards {
    /** A card token's DPAN. */
    public static final String DPAN = "4895370012345674";
    /** A second card token's DPAN. */
    public static final String OTHER_DPAN = "4895370012345682";
    /** A DPAN of the same range that no token holds. */
    public static final String UNISSUED_DPAN = "4895370000000018";
    /** A DPAN of Corridor's balance-token range. */
    public static final String BALANCE_DPAN = "9990010012345670";

    private TestCards() {}
}
