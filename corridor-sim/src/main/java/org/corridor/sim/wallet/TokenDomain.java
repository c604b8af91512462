package org.corridor.sim.wallet;

/**
 * The channel a device token is restricted to (token domain restriction controls), which is also the entry mode a
 * payment with it carries: a token provisioned for taps in shops must not pay in an app, and the other way round.
 */
public enum TokenDomain {
    /** NFC taps at a shop terminal. */
    CONTACTLESS("contactless"),
    /** Payments inside a merchant's app or web page, where the wallet hands the payment data to the merchant. */
    IN_APP("in_app");

    private final String wireName;

    TokenDomain(String wireName) {
        this.wireName = wireName;
    }

    /** The name the API uses for the domain and for the entry mode. */
    public String wireName() {
        return wireName;
    }
}
