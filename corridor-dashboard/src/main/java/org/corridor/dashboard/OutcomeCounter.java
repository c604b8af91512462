package org.corridor.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.corridor.core.Check;

/**
 * Payment outcomes per second, by rail, for the last {@link #WINDOW_SECONDS} seconds: a ring of fixed slots, so its
 * memory never grows. Written by the writer's commit listener, read by page requests; each call holds the lock for
 * a few array operations only.
 */
public final class OutcomeCounter {
    /** The seconds kept, and shown on the chart. */
    public static final int WINDOW_SECONDS = 60;

    private static final int RAILS = Rail.values().length;
    private static final int OUTCOMES = Outcome.values().length;

    /** The epoch second each slot counts, or -1 for a slot never used. */
    private final long[] seconds = new long[WINDOW_SECONDS];
    private final long[][] counts = new long[WINDOW_SECONDS][RAILS * OUTCOMES];

    /**
     * One second of the window.
     *
     * @param epochSecond which second
     * @param counts by {@link Rail} ordinal, then by {@link Outcome} ordinal
     */
    public record Second(long epochSecond, long[][] counts) {
        public long count(Rail rail, Outcome outcome) {
            return counts[rail.ordinal()][outcome.ordinal()];
        }

        public long count(Outcome outcome) {
            long sum = 0;
            for (Rail rail : Rail.values()) sum += count(rail, outcome);
            return sum;
        }
    }

    public OutcomeCounter() {
        Arrays.fill(seconds, -1);
    }

    /** Counts one outcome at {@code epochMillis}. */
    public synchronized void record(Rail rail, Outcome outcome, long epochMillis) {
        Check.that(epochMillis >= 0, "a time after the epoch: " + epochMillis);
        long second = epochMillis / 1_000;
        int slot = (int) (second % WINDOW_SECONDS);
        if (seconds[slot] != second) {
            seconds[slot] = second;
            Arrays.fill(counts[slot], 0);
        }
        counts[slot][rail.ordinal() * OUTCOMES + outcome.ordinal()]++;
    }

    /** The {@link #WINDOW_SECONDS} whole seconds before the one {@code epochMillis} falls in, oldest first. */
    public synchronized List<Second> window(long epochMillis) {
        long current = epochMillis / 1_000;
        List<Second> window = new ArrayList<>(WINDOW_SECONDS);
        for (long second = current - WINDOW_SECONDS; second < current; second++) {
            int slot = (int) Math.floorMod(second, WINDOW_SECONDS);
            long[][] byRail = new long[RAILS][OUTCOMES];
            if (seconds[slot] == second) {
                for (int rail = 0; rail < RAILS; rail++) {
                    for (int outcome = 0; outcome < OUTCOMES; outcome++) {
                        byRail[rail][outcome] = counts[slot][rail * OUTCOMES + outcome];
                    }
                }
            }
            window.add(new Second(second, byRail));
        }
        return window;
    }
}
