package org.corridor.core.fx;

import java.util.Optional;
import org.corridor.core.Check;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;

/**
 * The pure transitions of a {@link Quote}: create, use, expire. Each answers an {@link Outcome} whose result
 * enum lists its refusals in the order they are checked; a refusal changes nothing. Storing quotes by id,
 * and running the expiry, is the caller's business.
 */
public final class QuoteRules {
    /** The widest spread a quote may carry: 10 %. */
    public static final int SPREAD_BASIS_POINTS_MAX = 1_000;
    /** The longest a quote may stay usable: 15 minutes. */
    public static final long LIFETIME_NANOS_MAX = 15L * 60 * 1_000_000_000;
    /** The longest quote or payment id. */
    public static final int ID_CHARS_MAX = ObjectIds.ID_CHARS_MAX;

    /** The answers to {@link #create}, in the order they are checked. */
    public enum CreateResult {
        /** A new open quote, or the original one for a retry with the same id and fields. */
        OK,
        /** The id is empty, longer than {@link #ID_CHARS_MAX} or not of {@code [A-Za-z0-9_-]}. */
        QUOTE_ID_INVALID,
        /** A quote with this id exists for other fields: a failed or used id is never reused. */
        QUOTE_ID_REUSED,
        SPREAD_OUT_OF_RANGE,
        LIFETIME_OUT_OF_RANGE,
        AMOUNT_NOT_POSITIVE,
        /** The mid rate handed in is not for the requested sell and buy currencies. */
        RATE_PAIR_MISMATCH,
        /** The mid rate less the spread is too small to represent. */
        RATE_OUT_OF_RANGE,
        /** The computed amount rounds down to zero: too little to sell. */
        CONVERTED_AMOUNT_ZERO,
        /** The computed amount does not fit a {@code long}. */
        CONVERTED_AMOUNT_TOO_LARGE
    }

    /** The answers to {@link #use}, in the order they are checked. */
    public enum UseResult {
        /** The quote is now used by this payment, or already was (a retry gets the same answer). */
        OK,
        QUOTE_USED_BY_ANOTHER_PAYMENT,
        /** The quote expired, or its expiry has passed ({@code now >= expiresAt}). */
        QUOTE_EXPIRED,
        /** The payment converts between other currencies than the quote. */
        PAIR_MISMATCH,
        /** The payment's sell or buy amount is not the quote's. */
        AMOUNT_MISMATCH
    }

    /** The answers to {@link #expire}, in the order they are checked. */
    public enum ExpireResult { OK, QUOTE_ALREADY_USED, QUOTE_ALREADY_EXPIRED, QUOTE_NOT_YET_DUE }

    private QuoteRules() {}

    /**
     * Makes an open quote from a mid rate (which the caller took from a {@link RateBook} and checked fresh).
     *
     * @param existing the quote already stored under {@code request.id()}, or null if there is none
     * @param request what the caller asked for
     * @param midRate the market rate from the sell currency to the buy currency
     * @param nowNanos the switch's time, epoch nanoseconds
     */
    public static Outcome<CreateResult, Quote> create(Quote existing, QuoteRequest request, Rate midRate,
            long nowNanos) {
        if (!isId(request.id())) return Outcome.refused(CreateResult.QUOTE_ID_INVALID);
        if (existing != null) {
            Check.that(existing.id().equals(request.id()), "the existing quote has the requested id");
            return sameFields(existing, request) ? Outcome.of(CreateResult.OK, existing)
                    : Outcome.refused(CreateResult.QUOTE_ID_REUSED);
        }
        int spread = request.spreadBasisPoints();
        if (spread < 0 || spread > SPREAD_BASIS_POINTS_MAX) return Outcome.refused(CreateResult.SPREAD_OUT_OF_RANGE);
        long lifetime = request.lifetimeNanos();
        if (lifetime < 1 || lifetime > LIFETIME_NANOS_MAX) return Outcome.refused(CreateResult.LIFETIME_OUT_OF_RANGE);
        if (request.amountMinor() < 1) return Outcome.refused(CreateResult.AMOUNT_NOT_POSITIVE);
        if (!midRate.isFor(request.sellCurrency(), request.buyCurrency())) {
            return Outcome.refused(CreateResult.RATE_PAIR_MISMATCH);
        }
        Optional<Rate> customerRate = Spreads.customerRate(midRate, spread);
        if (customerRate.isEmpty()) return Outcome.refused(CreateResult.RATE_OUT_OF_RANGE);
        Conversion conversion;
        try {
            conversion = request.fixedSide() == FixedSide.SELL
                    ? Conversions.ofSellAmount(request.amountMinor(), customerRate.get())
                    : Conversions.ofBuyAmount(request.amountMinor(), customerRate.get());
        } catch (ArithmeticException overflow) {
            return Outcome.refused(CreateResult.CONVERTED_AMOUNT_TOO_LARGE);
        }
        if (conversion.buyMinor() == 0) return Outcome.refused(CreateResult.CONVERTED_AMOUNT_ZERO);
        long expiresAt = Math.addExact(nowNanos, lifetime);
        return Outcome.of(CreateResult.OK, new Quote(request.id(), midRate, spread, customerRate.get(),
                request.fixedSide(), conversion, nowNanos, expiresAt, QuoteStatus.OPEN, null, 0));
    }

    /**
     * Uses a quote for one payment. A quote already used by the same payment for the same pair and amounts
     * answers {@link UseResult#OK} unchanged, even after its expiry: a retry gets the original answer.
     */
    public static Outcome<UseResult, Quote> use(Quote quote, QuoteUse use, long nowNanos) {
        Check.that(isId(use.paymentId()), "a payment id is a valid id");
        Check.that(nowNanos >= quote.createdAtNanos(), "a quote is not used before it was made");
        boolean usedBefore = quote.status() == QuoteStatus.USED;
        if (usedBefore && !quote.paymentId().equals(use.paymentId())) {
            return Outcome.of(UseResult.QUOTE_USED_BY_ANOTHER_PAYMENT, quote);
        }
        if (!usedBefore && (quote.status() == QuoteStatus.EXPIRED || quote.isDueAt(nowNanos))) {
            return Outcome.of(UseResult.QUOTE_EXPIRED, quote);
        }
        if (!quote.sellCurrency().equals(use.sellCurrency()) || !quote.buyCurrency().equals(use.buyCurrency())) {
            return Outcome.of(UseResult.PAIR_MISMATCH, quote);
        }
        if (quote.sellMinor() != use.sellMinor() || quote.buyMinor() != use.buyMinor()) {
            return Outcome.of(UseResult.AMOUNT_MISMATCH, quote);
        }
        return Outcome.of(UseResult.OK, usedBefore ? quote : quote.used(use.paymentId(), nowNanos));
    }

    /** Expires an open quote whose expiry has passed, so its id is burnt for good. */
    public static Outcome<ExpireResult, Quote> expire(Quote quote, long nowNanos) {
        if (quote.status() == QuoteStatus.USED) return Outcome.of(ExpireResult.QUOTE_ALREADY_USED, quote);
        if (quote.status() == QuoteStatus.EXPIRED) return Outcome.of(ExpireResult.QUOTE_ALREADY_EXPIRED, quote);
        if (!quote.isDueAt(nowNanos)) return Outcome.of(ExpireResult.QUOTE_NOT_YET_DUE, quote);
        return Outcome.of(ExpireResult.OK, quote.expired());
    }

    /** Whether {@code id} may name a quote or a payment: 1 to {@link #ID_CHARS_MAX} of {@code [A-Za-z0-9_-]}. */
    public static boolean isId(String id) {
        if (id == null || id.isEmpty() || id.length() > ID_CHARS_MAX) return false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
            if (!allowed) return false;
        }
        return true;
    }

    private static boolean sameFields(Quote quote, QuoteRequest request) {
        long named = request.fixedSide() == FixedSide.SELL ? quote.sellMinor() : quote.buyMinor();
        return quote.sellCurrency().equals(request.sellCurrency())
                && quote.buyCurrency().equals(request.buyCurrency())
                && quote.fixedSide() == request.fixedSide()
                && named == request.amountMinor()
                && quote.spreadBasisPoints() == request.spreadBasisPoints()
                && quote.expiresAtNanos() - quote.createdAtNanos() == request.lifetimeNanos();
    }
}
