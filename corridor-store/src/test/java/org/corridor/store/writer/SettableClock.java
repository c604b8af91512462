package org.corridor.store.writer;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand, in nanoseconds since the epoch. */
final class SettableClock implements InstantSource {
    private final AtomicLong nanos;

    SettableClock(long startNanos) {
        nanos = new AtomicLong(startNanos);
    }

    long nanos() {
        return nanos.get();
    }

    void advance(long byNanos) {
        nanos.addAndGet(byNanos);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(0, nanos.get());
    }
}
