package org.corridor.app.bench;

import java.util.List;
import java.util.Map;
import org.corridor.sim.wallet.DeviceWallet;
import org.corridor.sim.wallet.TestCard;
import org.corridor.sim.wallet.TokenDomain;

/**
 * Who takes part in the card benchmark, as onboarded through the API: every simulated bank as an issuer (by
 * bank id), one merchant per bank currency (by ISO code), a wallet provider, and the enrolled cards, each on a
 * phone of its own.
 */
record CardParties(String operatorKey, String walletProviderKey, Map<String, String> issuerIdsByBank,
        Map<String, Merchant> merchantsByCurrency, List<EnrolledCard> cards) {

    /** A merchant and its API key. */
    record Merchant(String id, String key) {}

    /** A test card enrolled as a device token on its phone; only one client pays with it, so its ATCs stay in order. */
    record EnrolledCard(TestCard card, String tokenId, DeviceWallet phone, TokenDomain domain) {
        String currency() {
            return card.bank().currency().getCurrencyCode();
        }

        String bankId() {
            return card.bank().id();
        }
    }

    CardParties {
        issuerIdsByBank = Map.copyOf(issuerIdsByBank);
        merchantsByCurrency = Map.copyOf(merchantsByCurrency);
        cards = List.copyOf(cards);
    }

    Merchant merchantFor(EnrolledCard card) {
        return merchantsByCurrency.get(card.currency());
    }
}
