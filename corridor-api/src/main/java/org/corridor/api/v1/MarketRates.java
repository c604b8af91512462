package org.corridor.api.v1;

import java.util.Comparator;
import java.util.Optional;
import org.corridor.api.error.ApiException;
import org.corridor.core.fx.Conversions;
import org.corridor.core.fx.RateLookup;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.payment.FxChoice;
import org.corridor.core.payment.MarketConversions;
import org.corridor.core.port.FxRates;
import org.corridor.core.state.RecordKind;

/**
 * What the request threads need from the rate book before a command runs: a fresh mid rate for a pair (or a clear
 * refusal), the USD value of an amount for cross-border quotas, and the at-market conversion a confirmation
 * falls back to when the shopper holds no balance in the intent's currency.
 */
final class MarketRates {

    private final V1Services services;

    MarketRates(V1Services services) {
        this.services = services;
    }

    /** The mid rate to sell {@code sell} for {@code buy}, or a 422 saying why there is none. */
    RateLookup rate(String sell, String buy) {
        RateLookup found = rates().lookup(sell, buy);
        return switch (found.result()) {
            case OK -> found;
            case SAME_CURRENCY -> throw ApiException.badRequest("parameter_invalid",
                    "sell_currency and buy_currency must differ.", "buy_currency");
            case CURRENCY_UNKNOWN -> throw ApiException.badRequest("currency_not_supported",
                    "A currency of the pair is not one rates are kept for.", "sell_currency");
            case RATE_NOT_FOUND, RATE_STALE, CROSS_RATE_OUT_OF_RANGE -> throw ApiException.unprocessable(
                    "fx_rate_unavailable", "No current rate converts " + sell + " to " + buy + " ("
                            + found.result().name().toLowerCase(java.util.Locale.ROOT) + ").", "sell_currency");
        };
    }

    /** {@code minor} of {@code currency} in US cents at the mid rate, rounded down; a 422 when no rate values it. */
    long usdValue(String currency, long minor) {
        if (currency.equals(MarketConversions.QUOTA_CURRENCY)) return minor;
        return Conversions.ofSellAmount(minor, rate(currency, MarketConversions.QUOTA_CURRENCY).rate()).buyMinor();
    }

    /**
     * The at-market conversion for paying {@code amountMinor} of {@code currency} from {@code customerId}'s balances,
     * as committed now: none when the customer holds the currency (or is not to be found: the command answers that),
     * else from the wallet provider's settlement currency if the customer holds it, else from the customer's first
     * currency by code that a current rate converts.
     */
    FxChoice atMarket(String customerId, String currency, long amountMinor) {
        Optional<Customer> customer = services.objects().find(RecordKind.CUSTOMER, customerId, Customer.class);
        if (customer.isEmpty() || customer.get().account(currency).isPresent()) return FxChoice.NONE;
        String home = services.objects().find(RecordKind.PARTICIPANT, customer.get().ownerId(), Participant.class)
                .map(Participant::settlementCurrency).orElse("");
        Optional<String> sell = customer.get().accounts().keySet().stream()
                .sorted(Comparator.comparing((String c) -> !c.equals(home)).thenComparing(Comparator.naturalOrder()))
                .filter(c -> rates().lookup(c, currency).result() == RateLookup.Result.OK)
                .findFirst();
        if (sell.isEmpty()) return FxChoice.NONE;
        // No rate that values the payment in USD for quotas: the command answers currency_not_supported.
        return MarketConversions.of(rates(), services.newId("fxq_"), sell.get(), currency, amountMinor)
                .<FxChoice>map(choice -> choice).orElse(FxChoice.NONE);
    }

    private FxRates rates() {
        return services.rates();
    }
}
