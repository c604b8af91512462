package org.corridor.core;

import java.time.Instant;

/**
 * Corridor's timestamps: nanoseconds since the Unix epoch in a {@code long} (good until the year 2262), as the
 * ledger and every object record them. Converts from and to {@link Instant}; reads no clock.
 */
public final class EpochNanos {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EpochNanos() {}

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    public static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }
}
