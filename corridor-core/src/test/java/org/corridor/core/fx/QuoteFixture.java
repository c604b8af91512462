package org.corridor.core.fx;

import static org.assertj.core.api.Assertions.assertThat;

import org.corridor.core.state.Outcome;

/** Shared values for the quote tables: a CNY/USD mid rate and a quote for 1,000.00 CNY at 50 bp. */
final class QuoteFixture {
    static final long AS_OF = FxGenerators.ORIGIN_NANOS;
    static final long NOW = AS_OF + 1_000_000_000L;
    static final long LIFETIME = 30_000_000_000L;
    static final Rate CNY_USD = new Rate("CNY", "USD", Price.parseDecimal("0.1389").orElseThrow(), AS_OF, "test-feed");
    static final QuoteRequest REQUEST = new QuoteRequest("quote_1", "CNY", "USD", FixedSide.SELL, 100_000, 50, LIFETIME);

    private QuoteFixture() {}

    static QuoteRequest withAmount(long amountMinor) {
        return new QuoteRequest(REQUEST.id(), REQUEST.sellCurrency(), REQUEST.buyCurrency(), REQUEST.fixedSide(),
                amountMinor, REQUEST.spreadBasisPoints(), REQUEST.lifetimeNanos());
    }

    static QuoteRequest withSpread(int basisPoints) {
        return new QuoteRequest(REQUEST.id(), REQUEST.sellCurrency(), REQUEST.buyCurrency(), REQUEST.fixedSide(),
                REQUEST.amountMinor(), basisPoints, REQUEST.lifetimeNanos());
    }

    static QuoteRequest withLifetime(long nanos) {
        return new QuoteRequest(REQUEST.id(), REQUEST.sellCurrency(), REQUEST.buyCurrency(), REQUEST.fixedSide(),
                REQUEST.amountMinor(), REQUEST.spreadBasisPoints(), nanos);
    }

    static QuoteRequest withId(String id) {
        return new QuoteRequest(id, REQUEST.sellCurrency(), REQUEST.buyCurrency(), REQUEST.fixedSide(),
                REQUEST.amountMinor(), REQUEST.spreadBasisPoints(), REQUEST.lifetimeNanos());
    }

    /** The open quote for {@link #REQUEST}, made at {@link #NOW}. */
    static Quote open() {
        Outcome<QuoteRules.CreateResult, Quote> created = QuoteRules.create(null, REQUEST, CNY_USD, NOW);
        assertThat(created.result()).isEqualTo(QuoteRules.CreateResult.OK);
        return created.value();
    }

    /** The open quote, used by {@code paymentId} one second after it was made. */
    static Quote usedBy(String paymentId) {
        Quote quote = open();
        return QuoteRules.use(quote, matching(paymentId, quote), NOW + 1_000_000_000L).value();
    }

    static Quote expired() {
        Quote quote = open();
        return QuoteRules.expire(quote, quote.expiresAtNanos()).value();
    }

    /** A use naming the quote's own pair and amounts. */
    static QuoteUse matching(String paymentId, Quote quote) {
        return new QuoteUse(paymentId, quote.sellCurrency(), quote.buyCurrency(), quote.sellMinor(), quote.buyMinor());
    }
}
