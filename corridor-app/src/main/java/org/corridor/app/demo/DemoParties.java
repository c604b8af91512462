package org.corridor.app.demo;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.corridor.app.wallet.PhoneCard;
import org.corridor.app.wallet.SimParties;
import org.corridor.sim.wallet.DeviceWallet;
import org.corridor.sim.wallet.TokenDomain;

/**
 * Everyone the demo onboarded through the API, with their API keys: the card side (every simulated bank as an issuer,
 * the token wallet and its card merchants, and the phones' cards), the account wallets of China, the US and Europe
 * with their shoppers, the shops, the marketplace and its sellers, and the FX liquidity provider.
 *
 * @param cards the card side, as {@code wallet-sim} onboards it
 * @param phoneCards the test cards provisioned onto phones as device tokens
 * @param wallets the account wallet provider of each currency
 * @param shops the shop selling in each currency (the US shop sells to Chinese shoppers too)
 * @param marketplace the marketplace (its orders are paid into escrow)
 * @param sellers the marketplace's sellers
 * @param balanceTokens shoppers' balances issued as device tokens
 */
record DemoParties(SimParties cards, List<PhoneCard> phoneCards, Map<Currency, Wallet> wallets,
        Map<Currency, Party> shops, Party marketplace, List<Party> sellers, List<BalanceToken> balanceTokens) {

    static final Currency CNY = Currency.getInstance("CNY");
    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");
    /** The demo's currencies, in the order the summary lists them. */
    static final List<Currency> CURRENCIES = List.of(CNY, USD, EUR);

    /** A participant and its API key. */
    record Party(String id, String key, String name) {
        @Override
        public String toString() {
            return "Party[" + id + ", " + name + "]";
        }
    }

    /** An account wallet provider, the currency its shoppers hold, and its shoppers' customer ids. */
    record Wallet(Party party, Currency currency, List<String> shoppers) {}

    /** A shopper's balance issued as a device token on a phone. */
    record BalanceToken(Wallet wallet, String customer, String tokenId, DeviceWallet phone, TokenDomain domain) {}

    /** The provisioned cards of {@code domain}. */
    List<PhoneCard> cardsIn(TokenDomain domain) {
        return phoneCards.stream().filter(card -> card.domain() == domain).toList();
    }

    @Override
    public String toString() {
        return "DemoParties[" + phoneCards.size() + " cards, " + wallets.size() + " wallets, " + shops.values() + "]";
    }
}
