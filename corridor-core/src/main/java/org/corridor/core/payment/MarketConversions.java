package org.corridor.core.payment;

import java.util.Optional;
import org.corridor.core.fx.Conversions;
import org.corridor.core.fx.FixedSide;
import org.corridor.core.fx.QuoteRequest;
import org.corridor.core.fx.RateLookup;
import org.corridor.core.port.FxRates;

/**
 * The at-market conversion a payment falls back to when what pays it (a customer's balance, a card's issuer) holds
 * no money in the intent's currency: a quote request for the intent's amount at the current mid rate less the
 * house's spread, valued in US dollars for cross-border quotas. Read on a request thread, from the rate book; the
 * command creates and uses the quote.
 */
public final class MarketConversions {
    /** The currency cross-border quotas count in. */
    public static final String QUOTA_CURRENCY = "USD";
    /** How long an at-market quote lives: it is used in the command that makes it, or the card answer after. */
    public static final long LIFETIME_NANOS = 60L * 1_000_000_000;

    private MarketConversions() {}

    /**
     * The conversion from {@code sell} to pay {@code buyMinor} of {@code buy}, or empty when no current rate converts
     * the pair or values the payment in US dollars.
     *
     * @param quoteId the id the quote will have ({@code fxq_…})
     */
    public static Optional<FxChoice.AtMarket> of(FxRates rates, String quoteId, String sell, String buy, long buyMinor) {
        RateLookup mid = rates.lookup(sell, buy);
        Optional<Long> usdValue = usdValue(rates, buy, buyMinor);
        if (mid.result() != RateLookup.Result.OK || usdValue.isEmpty()) return Optional.empty();
        QuoteRequest request = new QuoteRequest(quoteId, sell, buy, FixedSide.BUY, buyMinor, rates.spreadBasisPoints(),
                LIFETIME_NANOS);
        return Optional.of(new FxChoice.AtMarket(request, mid.rate(), usdValue.get()));
    }

    /** {@code minor} of {@code currency} in US cents at the mid rate, rounded down; empty when no current rate values it. */
    private static Optional<Long> usdValue(FxRates rates, String currency, long minor) {
        if (currency.equals(QUOTA_CURRENCY)) return Optional.of(minor);
        RateLookup usd = rates.lookup(currency, QUOTA_CURRENCY);
        if (usd.result() != RateLookup.Result.OK) return Optional.empty();
        return Optional.of(Conversions.ofSellAmount(minor, usd.rate()).buyMinor());
    }
}
