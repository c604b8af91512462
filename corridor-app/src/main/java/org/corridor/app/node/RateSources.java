package org.corridor.app.node;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.corridor.services.fx.LiveRates;

/**
 * Where a node's exchange rates come from: a CSV file, an HTTP feed, both, or neither (then cross-currency
 * payments are refused with {@code fx_rate_unavailable}), and the terms every quote is made on.
 *
 * @param file a rate file re-read every {@code pollInterval}; null for none
 * @param feed a rate feed polled every {@code pollInterval}; null for none
 * @param spreadBasisPoints the house's spread on the mid rate
 * @param maxAge how old a rate may be and still be quoted
 * @param pollInterval how often each source is read while it answers
 */
public record RateSources(Path file, URI feed, int spreadBasisPoints, Duration maxAge, Duration pollInterval) {
    public static final Duration MAX_AGE_DEFAULT = Duration.ofHours(1);
    public static final Duration POLL_INTERVAL_DEFAULT = Duration.ofSeconds(10);

    /** No source: every rate lookup answers that there is no rate. */
    public static RateSources none() {
        return new RateSources(null, null, LiveRates.SPREAD_BASIS_POINTS_DEFAULT, MAX_AGE_DEFAULT, POLL_INTERVAL_DEFAULT);
    }

    /** Rates from {@code file} with the default terms. */
    public static RateSources ofFile(Path file) {
        return new RateSources(file, null, LiveRates.SPREAD_BASIS_POINTS_DEFAULT, MAX_AGE_DEFAULT, POLL_INTERVAL_DEFAULT);
    }
}
