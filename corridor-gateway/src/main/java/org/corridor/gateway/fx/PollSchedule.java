package org.corridor.gateway.fx;

/**
 * When to poll a rate source next: every {@code intervalMs} while it answers; after failures, twice as long
 * per failure in a row, up to {@code backoffMsMax}, so a failing feed is not hammered and a recovered one is
 * polled at the normal pace again. There is no jitter: one poller per source, so there is no herd to spread.
 *
 * @param intervalMs the pause after a good fetch, {@value #INTERVAL_MS_MIN} to {@value #INTERVAL_MS_MAX}
 * @param backoffMsMax the longest pause after failures, from {@code intervalMs} to {@value #INTERVAL_MS_MAX}
 */
public record PollSchedule(long intervalMs, long backoffMsMax) {
    /** The shortest interval: faster is a test or a mistake. */
    public static final long INTERVAL_MS_MIN = 10;
    /** The longest interval or back-off: an hour. */
    public static final long INTERVAL_MS_MAX = 3_600_000;

    /** Checks the bounds. */
    public PollSchedule {
        if (intervalMs < INTERVAL_MS_MIN || intervalMs > INTERVAL_MS_MAX) {
            throw new IllegalArgumentException("a poll interval is " + INTERVAL_MS_MIN + " to " + INTERVAL_MS_MAX + " ms");
        }
        if (backoffMsMax < intervalMs || backoffMsMax > INTERVAL_MS_MAX) {
            throw new IllegalArgumentException("a back-off is from the interval to " + INTERVAL_MS_MAX + " ms");
        }
    }

    /** The pause before the next fetch after {@code failuresInARow} consecutive failures (0 after a success). */
    public long delayMs(int failuresInARow) {
        if (failuresInARow < 0) throw new IllegalArgumentException("a count of failures is not negative");
        long delay = intervalMs;
        for (int i = 0; i < failuresInARow && delay < backoffMsMax; i++) delay *= 2;
        return Math.min(delay, backoffMsMax);
    }
}
