package org.corridor.core.fx;

import java.util.List;

/**
 * A {@link RateBook}'s answer for a pair: a result, and when it is {@link Result#OK} the rate and how it was
 * found, with the rates it was derived from ({@code legs}: one for a direct or inverse rate, two for a cross).
 * A stale direct or inverse answer carries the stale rate, and a stale cross its legs, for the operator's eyes.
 */
public record RateLookup(Result result, Rate rate, Derivation derivation, List<Rate> legs) {

    /** The answers of {@link RateBook#lookup}, in the order they are checked. */
    public enum Result {
        OK,
        /** A code that is not an ISO 4217 currency with minor units. */
        CURRENCY_UNKNOWN,
        /** A pair of one currency: there is nothing to convert. */
        SAME_CURRENCY,
        /** Neither direction of the pair is in the book, nor both legs through the pivot. */
        RATE_NOT_FOUND,
        /** The rate (or a leg of it) is older than the book's maximum age. */
        RATE_STALE,
        /** The cross rate is too large or too small to represent as a {@link Price}. */
        CROSS_RATE_OUT_OF_RANGE
    }

    /** How an {@link Result#OK} rate was found. */
    public enum Derivation {
        /** As a source published it. */
        DIRECT,
        /** The exact inverse of the other direction, which a source published. */
        INVERSE,
        /** The product of two rates through {@link RateBook#PIVOT_CURRENCY}, rounded half-even if need be. */
        CROSS
    }

    public RateLookup {
        legs = legs == null ? List.of() : List.copyOf(legs);
    }

    static RateLookup refused(Result result) {
        return new RateLookup(result, null, null, List.of());
    }

    /** Whether a usable rate was found. */
    public boolean ok() {
        return result == Result.OK;
    }
}
