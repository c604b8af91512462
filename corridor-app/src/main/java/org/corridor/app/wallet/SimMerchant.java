package org.corridor.app.wallet;

import java.util.Currency;

/**
 * A merchant onboarded for the run: its participant id (which the cryptograms cover), its API key and the one
 * currency it sells in.
 */
public record SimMerchant(String id, String apiKey, Currency currency) {
    /** The id and currency; never the key. */
    @Override
    public String toString() {
        return "SimMerchant[" + id + ", " + currency + "]";
    }
}
