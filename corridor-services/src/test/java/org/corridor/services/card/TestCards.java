package org.corridor.services.card;

/** The device PANs the services' card tests use: the one place in this module's tests with card-shaped numbers. */
final class TestCards {
    /** A card token's DPAN, Luhn-valid, of a token BIN range, issued to no card. */
    static final String DPAN = "4895370012345674";
    /** The first 14 digits of DPANs numbered by the tests (two more digits follow). */
    static final String DPAN_PREFIX_14 = "48953700000000";

    private TestCards() {}
}
