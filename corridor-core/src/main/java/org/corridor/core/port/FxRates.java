package org.corridor.core.port;

import java.util.List;
import org.corridor.core.fx.Rate;
import org.corridor.core.fx.RateLookup;

/**
 * The switch's current exchange rates as the request threads read them: the mid rate for a pair now (direct,
 * inverse or crossed through USD, refused when stale), and the spread the house takes on every quote.
 */
public interface FxRates {
    /** The mid rate to convert {@code base} into {@code quote} now, or why there is none. */
    RateLookup lookup(String base, String quote);

    /** The house's spread on the mid rate, in basis points. */
    int spreadBasisPoints();

    /** The rates held, as their sources published them, by pair. */
    List<Rate> published();
}
