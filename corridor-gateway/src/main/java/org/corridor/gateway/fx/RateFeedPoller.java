package org.corridor.gateway.fx;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.corridor.core.fx.Rate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches from a {@link RateSource} on a {@link PollSchedule}, on one thread of its own, from {@link #start}
 * until {@link #stop}: the first fetch at once, the next one the schedule's delay after the previous one
 * ended (so fetches never overlap). Good rates go to {@code onRates}; failures to {@code onFailure} and the
 * log, and stretch the delay.
 *
 * <p>The callbacks run on the poller's thread; one that throws counts as a failure and is logged, and polling
 * goes on. A source that throws an unchecked exception has a bug: that is logged and polling stops. A poller
 * starts once; stopping it is final.
 */
public final class RateFeedPoller implements AutoCloseable {
    /** How long {@link #stop} waits for a fetch in progress to end. */
    public static final long STOP_WAIT_MS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(RateFeedPoller.class);

    private final RateSource source;
    private final PollSchedule schedule;
    private final Consumer<List<Rate>> onRates;
    private final Consumer<RateSourceException> onFailure;
    private final ScheduledExecutorService scheduler;
    private boolean started;
    private int failuresInARow;

    /**
     * A poller, not yet started.
     *
     * @param name names the thread, for thread dumps
     * @param onRates receives every good fetch
     * @param onFailure receives every failed fetch
     */
    public RateFeedPoller(String name, RateSource source, PollSchedule schedule, Consumer<List<Rate>> onRates,
            Consumer<RateSourceException> onFailure) {
        this.source = Objects.requireNonNull(source, "source");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.onRates = Objects.requireNonNull(onRates, "onRates");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        if (!Rate.isSourceName(name)) throw new IllegalArgumentException("not a valid poller name");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("rate-poller-" + name).daemon(true).factory());
    }

    /** Starts polling: the first fetch runs at once. */
    public void start() {
        startAfter(0);
    }

    /**
     * Fetches once on the caller's thread, then polls from the schedule's delay on: for a caller that must have the
     * rates before it goes on (a node before it opens its API).
     */
    public void fetchThenStart() {
        fetchOnce();
        long delayMs;
        synchronized (this) {
            delayMs = schedule.delayMs(failuresInARow);
        }
        startAfter(delayMs);
    }

    private synchronized void startAfter(long delayMs) {
        if (started) throw new IllegalStateException("a rate poller starts once");
        started = true;
        scheduler.schedule(this::poll, delayMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops polling: no fetch starts after this returns. Waits up to {@link #STOP_WAIT_MS} for a fetch in
     * progress, which is interrupted.
     *
     * @return whether the poller's thread ended within the wait
     */
    public boolean stop() {
        scheduler.shutdownNow();
        try {
            return scheduler.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the poller. */
    @Override
    public void close() {
        stop();
    }

    /** Consecutive failed fetches so far, 0 after a good one; for status pages and tests. */
    public synchronized int failuresInARow() {
        return failuresInARow;
    }

    private void poll() {
        try {
            fetchOnce();
        } catch (RuntimeException broken) {
            // A source that throws anything but its checked exception has a bug: polling stops, loudly.
            log.error("rate source broke; polling stops", broken);
            scheduler.shutdown();
            return;
        }
        long delayMs;
        synchronized (this) {
            delayMs = schedule.delayMs(failuresInARow);
        }
        try {
            scheduler.schedule(this::poll, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // stop() ran during the fetch: nothing more to do.
        }
    }

    /**
     * One fetch and its callback. The count of failures in a row is set before the callback runs, so whoever the
     * callback tells already sees it; a callback that throws counts as a failure too.
     */
    private void fetchOnce() {
        List<Rate> rates;
        try {
            rates = source.fetch();
        } catch (RateSourceException failed) {
            log.warn("rate source failed: {}", failed.getMessage());
            countFailure();
            deliver(() -> onFailure.accept(failed));
            return;
        }
        synchronized (this) {
            failuresInARow = 0;
        }
        if (!deliver(() -> onRates.accept(rates))) countFailure();
    }

    private synchronized void countFailure() {
        failuresInARow = Math.min(failuresInARow + 1, Integer.MAX_VALUE - 1);
    }

    /** Runs a callback; whether it returned normally. A throwing callback is logged, not propagated. */
    private static boolean deliver(Runnable callback) {
        try {
            callback.run();
            return true;
        } catch (RuntimeException callbackFailed) {
            log.error("a rate poller callback failed", callbackFailed);
            return false;
        }
    }
}
