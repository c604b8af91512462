package org.corridor.gateway.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.corridor.core.Check;

/**
 * When to attempt a webhook delivery again: at-least-once delivery with exponential back-off, for at most
 * three days.
 *
 * <p>The schedule, as offsets from the first attempt before jitter:
 *
 * <table>
 *   <caption>Attempts of one delivery</caption>
 *   <tr><th>attempt</th><th>delay after the previous attempt</th><th>offset from the first attempt</th></tr>
 *   <tr><td>1</td><td>none</td><td>0</td></tr>
 *   <tr><td>2</td><td>5 s</td><td>5 s</td></tr>
 *   <tr><td>3</td><td>30 s</td><td>35 s</td></tr>
 *   <tr><td>4</td><td>2 min</td><td>2 min 35 s</td></tr>
 *   <tr><td>5</td><td>10 min</td><td>12 min 35 s</td></tr>
 *   <tr><td>6</td><td>30 min</td><td>42 min 35 s</td></tr>
 *   <tr><td>7</td><td>1 h</td><td>1 h 42 min 35 s</td></tr>
 *   <tr><td>8</td><td>2 h</td><td>3 h 42 min 35 s</td></tr>
 *   <tr><td>9</td><td>4 h</td><td>7 h 42 min 35 s</td></tr>
 *   <tr><td>10</td><td>8 h</td><td>15 h 42 min 35 s</td></tr>
 *   <tr><td>11</td><td>12 h</td><td>27 h 42 min 35 s</td></tr>
 *   <tr><td>12</td><td>12 h</td><td>39 h 42 min 35 s</td></tr>
 *   <tr><td>13</td><td>12 h</td><td>51 h 42 min 35 s</td></tr>
 *   <tr><td>14</td><td>12 h</td><td>63 h 42 min 35 s</td></tr>
 *   <tr><td>15</td><td>8 h 17 min 25 s (capped)</td><td>72 h exactly</td></tr>
 * </table>
 *
 * <p>After the 15th attempt ({@link #ATTEMPTS_MAX}) the delivery is given up. Attempts 2 to 14 are each
 * delayed further by a jitter drawn uniformly, to the millisecond, from zero to {@link #JITTER_PERCENT_MAX}
 * percent of the delay before them, so that deliveries that failed together (an endpoint outage) do not
 * retry in lockstep. Jitter only ever adds, so no attempt comes earlier than the table says. The 15th
 * attempt is always at exactly 72 hours ({@link #DELIVERY_WINDOW_MS}): no attempt is ever later than that.
 * Because each delay is more than a tenth of the one before it, the attempts stay in strictly increasing
 * order whatever the jitter.
 *
 * <p>A schedule is as thread-safe as its random generator.
 */
public final class RetrySchedule {

    /** No attempt happens later than this after the first one: 3 days. */
    public static final long DELIVERY_WINDOW_MS = Duration.ofDays(3).toMillis();

    /** The most attempts of one delivery, the first one included. */
    public static final int ATTEMPTS_MAX = 15;

    /** The largest jitter, as a percentage of the delay it is added to. */
    public static final int JITTER_PERCENT_MAX = 10;

    /** The delay after attempt 1, 2, ...; the last one repeats until the delivery window is reached. */
    private static final long[] DELAYS_MS = {
        Duration.ofSeconds(5).toMillis(),
        Duration.ofSeconds(30).toMillis(),
        Duration.ofMinutes(2).toMillis(),
        Duration.ofMinutes(10).toMillis(),
        Duration.ofMinutes(30).toMillis(),
        Duration.ofHours(1).toMillis(),
        Duration.ofHours(2).toMillis(),
        Duration.ofHours(4).toMillis(),
        Duration.ofHours(8).toMillis(),
        Duration.ofHours(12).toMillis(),
    };

    /** Offset of attempt {@code i + 1} from the first attempt, before jitter. */
    private static final long[] OFFSETS_MS = offsetsWithoutJitter();

    private final RandomGenerator jitter;

    /**
     * Creates a schedule whose jitter comes from {@code jitter}.
     *
     * @param jitter draws the jitter; pass a seeded generator for a reproducible schedule
     */
    public RetrySchedule(RandomGenerator jitter) {
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /**
     * When to make the next attempt of a delivery.
     *
     * @param firstAttemptAt when attempt 1 was (or is to be) made
     * @param attemptsMade how many attempts have been made so far; 0 gives {@code firstAttemptAt} itself
     * @return the time of attempt {@code attemptsMade + 1}, or empty once {@link #ATTEMPTS_MAX} attempts
     *     have been made: the delivery is given up
     * @throws IllegalArgumentException if {@code attemptsMade} is negative
     */
    public Optional<Instant> nextAttemptAt(Instant firstAttemptAt, int attemptsMade) {
        Objects.requireNonNull(firstAttemptAt, "firstAttemptAt");
        if (attemptsMade < 0) {
            throw new IllegalArgumentException("attempts made is never negative, not " + attemptsMade);
        }
        if (attemptsMade >= ATTEMPTS_MAX) {
            return Optional.empty();
        }
        if (attemptsMade == 0) {
            return Optional.of(firstAttemptAt);
        }
        long delayMs = OFFSETS_MS[attemptsMade] - OFFSETS_MS[attemptsMade - 1];
        long jitterMs = jitter.nextLong(delayMs * JITTER_PERCENT_MAX / 100 + 1);
        long offsetMs = Math.min(OFFSETS_MS[attemptsMade] + jitterMs, DELIVERY_WINDOW_MS);
        return Optional.of(firstAttemptAt.plusMillis(offsetMs));
    }

    private static long[] offsetsWithoutJitter() {
        long[] offsets = new long[ATTEMPTS_MAX];
        for (int i = 1; i < ATTEMPTS_MAX; i++) {
            long delayMs = DELAYS_MS[Math.min(i - 1, DELAYS_MS.length - 1)];
            offsets[i] = Math.min(offsets[i - 1] + delayMs, DELIVERY_WINDOW_MS);
            if (i >= 2) {
                // The promise that jitter never reorders attempts rests on this.
                Check.that((offsets[i] - offsets[i - 1]) * 100 > (offsets[i - 1] - offsets[i - 2]) * JITTER_PERCENT_MAX,
                        "a retry delay is more than the largest jitter of the delay before it");
            }
        }
        // The table, ATTEMPTS_MAX and the window must agree: the last attempt, and only it, ends the window.
        Check.that(offsets[ATTEMPTS_MAX - 1] == DELIVERY_WINDOW_MS && offsets[ATTEMPTS_MAX - 2] < DELIVERY_WINDOW_MS,
                "the retry delays reach the delivery window at attempt " + ATTEMPTS_MAX);
        return offsets;
    }
}
