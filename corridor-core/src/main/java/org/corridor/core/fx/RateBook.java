package org.corridor.core.fx;

import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.core.Check;
import org.corridor.core.money.Currencies;

/**
 * The latest rate per currency pair, as sources offered them, and the rate for any pair derived from them:
 * the pair as published; else the exact inverse of the other direction; else the cross of two rates through
 * {@link #PIVOT_CURRENCY}. A rate older than the book's maximum age is stale and refused.
 *
 * <p>When both directions of a pair are published, the one with the later as-of time wins (the direct one
 * on a tie), so a stale direct rate never hides a fresh inverse one. A cross rate is as old as its older leg
 * and is exact when its terms fit a {@link Price}, else rounded half-even as {@link Price#approximate} says:
 * it is a mid rate, and the spread and the conversion round in the house's favour after it.
 *
 * <p>Not thread-safe: one owner offers and looks up, handing in its time each call.
 */
public final class RateBook {
    /** The currency cross rates go through. */
    public static final String PIVOT_CURRENCY = "USD";
    /** The most pairs a book holds: more is a misconfigured source. */
    public static final int PAIRS_MAX = 1_024;
    /** The longest maximum age a book accepts: a day-old rate is no rate. */
    public static final long RATE_AGE_LIMIT_NANOS_MAX = 24L * 60 * 60 * 1_000_000_000;
    /** The source name of a cross rate; its legs name their own sources. */
    public static final String CROSS_SOURCE = "cross-via-" + PIVOT_CURRENCY;

    /** The answers of {@link #offer}, in the order they are checked. */
    public enum OfferResult {
        ACCEPTED,
        /** The rate claims a time after now: its source's clock is wrong. */
        AS_OF_IN_THE_FUTURE,
        /** The book holds a rate for the pair as of the same time or later. */
        NOT_NEWER_THAN_HELD,
        /** The pair is new and the book already holds {@link #PAIRS_MAX} pairs. */
        BOOK_FULL
    }

    private final long rateAgeNanosMax;
    private final Map<String, Rate> latestByPair = new HashMap<>();

    /**
     * An empty book.
     *
     * @param rateAgeNanosMax how old a rate may be and still be used: 1 to {@link #RATE_AGE_LIMIT_NANOS_MAX}
     */
    public RateBook(long rateAgeNanosMax) {
        if (rateAgeNanosMax < 1 || rateAgeNanosMax > RATE_AGE_LIMIT_NANOS_MAX) {
            throw new IllegalArgumentException("a rate's maximum age is 1 to " + RATE_AGE_LIMIT_NANOS_MAX + " ns");
        }
        this.rateAgeNanosMax = rateAgeNanosMax;
    }

    /** Keeps {@code rate} as its pair's latest if it is newer than the one held. */
    public OfferResult offer(Rate rate, long nowNanos) {
        if (rate.asOfNanos() > nowNanos) return OfferResult.AS_OF_IN_THE_FUTURE;
        String pair = key(rate.base(), rate.quote());
        Rate held = latestByPair.get(pair);
        if (held != null && held.asOfNanos() >= rate.asOfNanos()) return OfferResult.NOT_NEWER_THAN_HELD;
        if (held == null && latestByPair.size() == PAIRS_MAX) return OfferResult.BOOK_FULL;
        latestByPair.put(pair, rate);
        return OfferResult.ACCEPTED;
    }

    /** The number of pairs held, as published (inverse and cross rates are not counted). */
    public int pairs() {
        return latestByPair.size();
    }

    /** The rates held, as published, ordered by pair. */
    public List<Rate> rates() {
        return latestByPair.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    /** The rate to convert {@code base} into {@code quote} at {@code nowNanos}, or why there is none. */
    public RateLookup lookup(String base, String quote, long nowNanos) {
        Optional<String> from = Currencies.parse(base).map(c -> c.getCurrencyCode());
        Optional<String> to = Currencies.parse(quote).map(c -> c.getCurrencyCode());
        if (from.isEmpty() || to.isEmpty()) return RateLookup.refused(RateLookup.Result.CURRENCY_UNKNOWN);
        if (from.get().equals(to.get())) return RateLookup.refused(RateLookup.Result.SAME_CURRENCY);
        Optional<RateLookup> single = either(from.get(), to.get());
        if (single.isPresent()) return checkedAge(single.get(), nowNanos);
        if (from.get().equals(PIVOT_CURRENCY) || to.get().equals(PIVOT_CURRENCY)) {
            return RateLookup.refused(RateLookup.Result.RATE_NOT_FOUND);
        }
        Optional<RateLookup> toPivot = either(from.get(), PIVOT_CURRENCY);
        Optional<RateLookup> fromPivot = either(PIVOT_CURRENCY, to.get());
        if (toPivot.isEmpty() || fromPivot.isEmpty()) return RateLookup.refused(RateLookup.Result.RATE_NOT_FOUND);
        return cross(toPivot.get().rate(), fromPivot.get().rate(), nowNanos);
    }

    /** The pair as published or as the inverse of the other direction, whichever is newer. */
    private Optional<RateLookup> either(String base, String quote) {
        Rate direct = latestByPair.get(key(base, quote));
        Rate reverse = latestByPair.get(key(quote, base));
        if (direct != null && (reverse == null || direct.asOfNanos() >= reverse.asOfNanos())) {
            return Optional.of(new RateLookup(RateLookup.Result.OK, direct, RateLookup.Derivation.DIRECT,
                    List.of(direct)));
        }
        if (reverse != null) {
            return Optional.of(new RateLookup(RateLookup.Result.OK, reverse.inverse(), RateLookup.Derivation.INVERSE,
                    List.of(reverse)));
        }
        return Optional.empty();
    }

    private RateLookup cross(Rate toPivot, Rate fromPivot, long nowNanos) {
        List<Rate> legs = List.of(toPivot, fromPivot);
        long asOf = Math.min(toPivot.asOfNanos(), fromPivot.asOfNanos());
        if (isStale(asOf, nowNanos)) {
            return new RateLookup(RateLookup.Result.RATE_STALE, null, RateLookup.Derivation.CROSS, legs);
        }
        Optional<Price> price = toPivot.price().times(fromPivot.price(), RoundingMode.HALF_EVEN);
        if (price.isEmpty()) return RateLookup.refused(RateLookup.Result.CROSS_RATE_OUT_OF_RANGE);
        Rate rate = new Rate(toPivot.base(), fromPivot.quote(), price.get(), asOf, CROSS_SOURCE);
        return new RateLookup(RateLookup.Result.OK, rate, RateLookup.Derivation.CROSS, legs);
    }

    private RateLookup checkedAge(RateLookup found, long nowNanos) {
        if (!isStale(found.rate().asOfNanos(), nowNanos)) return found;
        return new RateLookup(RateLookup.Result.RATE_STALE, found.rate(), found.derivation(), found.legs());
    }

    private boolean isStale(long asOfNanos, long nowNanos) {
        long age = Math.subtractExact(nowNanos, asOfNanos);
        Check.that(age >= 0, "the book's clock does not go back before a rate it accepted");
        return age > rateAgeNanosMax;
    }

    private static String key(String base, String quote) {
        return base + "/" + quote;
    }
}
