package org.corridor.app.api;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock, moved on by a test: time passing for the node without the test waiting. */
public final class MovableClock implements InstantSource {
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    public void advance(Duration by) {
        ahead.updateAndGet(current -> current.plus(by));
    }
}
