package org.corridor.services.fx;

import java.time.InstantSource;
import java.util.List;
import org.corridor.core.EpochNanos;
import org.corridor.core.fx.QuoteRules;
import org.corridor.core.fx.Rate;
import org.corridor.core.fx.RateBook;
import org.corridor.core.fx.RateLookup;
import org.corridor.core.port.FxRates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate book the request threads quote from, fed by the rate sources' pollers. One lock guards the book:
 * lookups are a few map reads, and sources deliver every few seconds at most.
 */
public final class LiveRates implements FxRates {
    /** The spread when none is configured: 0.5 %. */
    public static final int SPREAD_BASIS_POINTS_DEFAULT = 50;

    private static final Logger LOG = LoggerFactory.getLogger(LiveRates.class);

    private final RateBook book;
    private final InstantSource clock;
    private final int spreadBasisPoints;

    /**
     * @param rateAgeNanosMax how old a rate may be and still be quoted
     * @param spreadBasisPoints the house's spread, 0 to {@link QuoteRules#SPREAD_BASIS_POINTS_MAX}
     */
    public LiveRates(long rateAgeNanosMax, int spreadBasisPoints, InstantSource clock) {
        if (spreadBasisPoints < 0 || spreadBasisPoints > QuoteRules.SPREAD_BASIS_POINTS_MAX) {
            throw new IllegalArgumentException("a spread is 0 to " + QuoteRules.SPREAD_BASIS_POINTS_MAX + " basis points");
        }
        this.book = new RateBook(rateAgeNanosMax);
        this.clock = clock;
        this.spreadBasisPoints = spreadBasisPoints;
    }

    /** Offers every rate of one fetch; those not newer than the book's are skipped. Answers how many were taken. */
    public synchronized int accept(List<Rate> rates) {
        long now = EpochNanos.of(clock.instant());
        int accepted = 0;
        for (Rate rate : rates) {
            RateBook.OfferResult result = book.offer(rate, now);
            if (result == RateBook.OfferResult.ACCEPTED) {
                accepted++;
            } else if (result != RateBook.OfferResult.NOT_NEWER_THAN_HELD) {
                LOG.warn("rate {}/{} from {} refused: {}", rate.base(), rate.quote(), rate.source(), result);
            }
        }
        return accepted;
    }

    @Override
    public synchronized RateLookup lookup(String base, String quote) {
        return book.lookup(base, quote, EpochNanos.of(clock.instant()));
    }

    @Override
    public int spreadBasisPoints() {
        return spreadBasisPoints;
    }

    @Override
    public synchronized List<Rate> published() {
        return book.rates();
    }
}
