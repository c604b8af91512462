package org.corridor.core.payment;

import java.util.Objects;
import org.corridor.core.fx.QuoteRequest;
import org.corridor.core.fx.Rate;

/**
 * How a confirmation may pay from a balance in another currency than the intent's: not at all, with a quote
 * the shopper's wallet provider took (and showed the shopper) beforehand, or at the market rate of the moment,
 * quoted and used in the same command.
 */
public sealed interface FxChoice {
    /** Pay in the intent's currency only. */
    FxChoice NONE = new None();

    record None() implements FxChoice {}

    /** Use this quote ({@code fxq_…}) of the confirming wallet provider's. */
    record Quoted(String quoteId) implements FxChoice {
        public Quoted {
            Objects.requireNonNull(quoteId, "quoteId");
        }
    }

    /**
     * Should the customer hold no balance in the intent's currency, convert from {@code request.sellCurrency()} at
     * {@code midRate}, which the request thread read from its rate book.
     */
    record AtMarket(QuoteRequest request, Rate midRate, long usdEquivalentMinor) implements FxChoice {
        public AtMarket {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(midRate, "midRate");
        }
    }
}
