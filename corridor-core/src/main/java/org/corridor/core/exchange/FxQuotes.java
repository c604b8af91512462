package org.corridor.core.exchange;

import java.util.Comparator;
import java.util.Optional;
import org.corridor.core.Check;
import org.corridor.core.fx.Quote;
import org.corridor.core.fx.QuoteRequest;
import org.corridor.core.fx.QuoteRules;
import org.corridor.core.fx.QuoteUse;
import org.corridor.core.fx.Rate;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/**
 * Quotes on the writer thread: a wallet provider asks for one for its shopper, the switch picks the FX
 * liquidity provider that holds both currencies, locks the customer rate (the mid rate less the spread) and the
 * amounts, and a payment uses it once before it expires.
 */
public final class FxQuotes {
    /** In precedence order. */
    public enum CreateResult {
        OK,
        NOT_A_WALLET_PROVIDER,
        /** No FX liquidity provider holds accounts in both currencies. */
        NO_LIQUIDITY_PROVIDER,
        /** The rate less the spread is too small to represent. */
        RATE_OUT_OF_RANGE,
        /** The amount converts to less than one minor unit. */
        AMOUNT_TOO_SMALL,
        /** The converted amount does not fit. */
        AMOUNT_TOO_LARGE
    }

    /** In precedence order. */
    public enum UseResult {
        OK,
        QUOTE_NOT_FOUND,
        /** The quote is for other currencies or another amount than the payment. */
        QUOTE_MISMATCH,
        QUOTE_USED,
        QUOTE_EXPIRED
    }

    private FxQuotes() {}

    /**
     * Creates a quote for {@code ownerId} from {@code midRate}, which the caller took fresh from its rate book.
     *
     * @param usdEquivalentMinor what the conversion is worth in US cents, for cross-border quotas
     */
    public static Outcome<CreateResult, FxQuote> create(SwitchState state, String ownerId, QuoteRequest request,
            Rate midRate, long usdEquivalentMinor) {
        Participant owner = state.find(RecordKind.PARTICIPANT, ownerId, Participant.class).orElseThrow();
        if (!owner.role().holdsCustomers()) return Outcome.refused(CreateResult.NOT_A_WALLET_PROVIDER);
        Optional<Participant> provider = liquidityProvider(state, request.sellCurrency(), request.buyCurrency());
        if (provider.isEmpty()) return Outcome.refused(CreateResult.NO_LIQUIDITY_PROVIDER);
        Check.that(state.find(RecordKind.FX_QUOTE, request.id(), FxQuote.class).isEmpty(), "quote ids are fresh");
        var made = QuoteRules.create(null, request, midRate, state.now());
        CreateResult result = switch (made.result()) {
            case OK -> CreateResult.OK;
            case RATE_OUT_OF_RANGE -> CreateResult.RATE_OUT_OF_RANGE;
            case CONVERTED_AMOUNT_ZERO -> CreateResult.AMOUNT_TOO_SMALL;
            case CONVERTED_AMOUNT_TOO_LARGE -> CreateResult.AMOUNT_TOO_LARGE;
            // The request thread checked the id, spread, lifetime, amount and pair before the command ran.
            case QUOTE_ID_INVALID, QUOTE_ID_REUSED, SPREAD_OUT_OF_RANGE, LIFETIME_OUT_OF_RANGE, AMOUNT_NOT_POSITIVE,
                    RATE_PAIR_MISMATCH -> throw new IllegalArgumentException("an unchecked quote request: " + made.result());
        };
        if (result != CreateResult.OK) return Outcome.refused(result);
        FxQuote quote = new FxQuote(made.value(), ownerId, provider.get().id(), usdEquivalentMinor);
        state.put(RecordKind.FX_QUOTE, quote.id(), quote);
        return Outcome.of(CreateResult.OK, quote);
    }

    /**
     * The quote {@code quoteId} of {@code callerId}'s, used by payment {@code paymentId} to pay {@code buyMinor} of
     * {@code buyCurrency}; not stored: the caller keeps it once the payment's money has moved.
     */
    public static Outcome<UseResult, FxQuote> use(SwitchState state, String callerId, String quoteId,
            String paymentId, String buyCurrency, long buyMinor) {
        Optional<FxQuote> found = state.find(RecordKind.FX_QUOTE, quoteId, FxQuote.class)
                .filter(q -> q.ownerId().equals(callerId));
        if (found.isEmpty()) return Outcome.refused(UseResult.QUOTE_NOT_FOUND);
        Quote quote = found.get().quote();
        var used = QuoteRules.use(quote, new QuoteUse(paymentId, quote.sellCurrency(), buyCurrency, quote.sellMinor(),
                buyMinor), state.now());
        UseResult result = switch (used.result()) {
            case OK -> UseResult.OK;
            case PAIR_MISMATCH, AMOUNT_MISMATCH -> UseResult.QUOTE_MISMATCH;
            case QUOTE_USED_BY_ANOTHER_PAYMENT -> UseResult.QUOTE_USED;
            case QUOTE_EXPIRED -> UseResult.QUOTE_EXPIRED;
        };
        if (result != UseResult.OK) return Outcome.refused(result);
        return Outcome.of(UseResult.OK, found.get().with(used.value()));
    }

    /** The FX liquidity provider for a pair: of those holding both currencies, the first by id. */
    public static Optional<Participant> liquidityProvider(SwitchState state, String sellCurrency, String buyCurrency) {
        return state.all(RecordKind.PARTICIPANT).stream().map(Participant.class::cast)
                .filter(p -> p.role() == ParticipantRole.FX_PROVIDER)
                .filter(p -> p.account(sellCurrency).isPresent() && p.account(buyCurrency).isPresent())
                .min(Comparator.comparing(Participant::id));
    }
}
