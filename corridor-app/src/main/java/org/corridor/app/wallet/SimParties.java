package org.corridor.app.wallet;

import java.util.Currency;
import java.util.Map;

/**
 * Who takes part in a run, as onboarded by the operator: the wallet provider (the token requestor) and one merchant
 * per currency, and how the issuer onboarding went.
 *
 * @param walletProviderKey the wallet provider's API key
 * @param merchants the merchant selling in each currency the cards need
 * @param issuersCreated banks onboarded as issuers by this run
 * @param issuersPresent banks whose BINs an issuer already held
 * @param issuersRefused banks the API refused to onboard (409 or 422); their cards will fail to enrol
 */
public record SimParties(String walletProviderKey, Map<Currency, SimMerchant> merchants, int issuersCreated,
        int issuersPresent, int issuersRefused) {
    public SimParties {
        merchants = Map.copyOf(merchants);
    }

    /** The merchant selling in {@code currency}. */
    public SimMerchant merchantFor(Currency currency) {
        SimMerchant merchant = merchants.get(currency);
        if (merchant == null) throw new IllegalStateException("no merchant sells in " + currency);
        return merchant;
    }

    /** Never the keys. */
    @Override
    public String toString() {
        return "SimParties[merchants=" + merchants.values() + ", issuers created " + issuersCreated + ", present "
                + issuersPresent + ", refused " + issuersRefused + "]";
    }
}
