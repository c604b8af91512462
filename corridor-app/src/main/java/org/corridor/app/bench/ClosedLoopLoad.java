package org.corridor.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Load as payment requests make it: many concurrent clients, each submitting one transfer and waiting for
 * its acknowledgement before the next. Any batching happens behind the sink, never in the client.
 */
final class ClosedLoopLoad {
    /** Longest latency the histogram tracks; slower answers are clamped to it. */
    private static final long LATENCY_NANOS_MAX = Duration.ofMinutes(1).toNanos();
    private static final int LATENCY_SIGNIFICANT_DIGITS = 3;

    /** Applies one transfer and waits until it is durable; returns false when the ledger rejected it. */
    @FunctionalInterface
    interface TransferSink {
        boolean transfer(long sequence) throws Exception;
    }

    record Outcome(long transfers, long rejected, long elapsedNanos, Histogram latencyNanos) {
        double transfersPerSecond() {
            return transfers * 1e9 / elapsedNanos;
        }

        /** The same run, counted as lasting {@code nanos} longer (until the tables caught up). */
        Outcome extendedBy(long nanos) {
            return new Outcome(transfers, rejected, elapsedNanos + nanos, latencyNanos);
        }

        double latencyMillis(double percentile) {
            return latencyNanos.getValueAtPercentile(percentile) / 1e6;
        }
    }

    private ClosedLoopLoad() {}

    /**
     * Runs {@code clients} virtual threads until {@code transfers} transfers are done or {@code timeLimit}
     * has passed, whichever comes first.
     */
    static Outcome run(int clients, long firstSequence, long transfers, Duration timeLimit, TransferSink sink)
            throws Exception {
        AtomicLong next = new AtomicLong(firstSequence);
        long end = firstSequence + transfers;
        long started = System.nanoTime();
        long deadline = started + timeLimit.toNanos();
        List<Future<Histogram>> results = new ArrayList<>(clients);
        AtomicLong rejected = new AtomicLong();
        AtomicLong done = new AtomicLong();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < clients; client++) {
                results.add(executor.submit(() -> {
                    Histogram latencies = new Histogram(LATENCY_NANOS_MAX, LATENCY_SIGNIFICANT_DIGITS);
                    long sequence;
                    while ((sequence = next.getAndIncrement()) < end && System.nanoTime() < deadline) {
                        long sent = System.nanoTime();
                        if (!sink.transfer(sequence)) rejected.incrementAndGet();
                        latencies.recordValue(Math.min(System.nanoTime() - sent, LATENCY_NANOS_MAX));
                        done.incrementAndGet();
                    }
                    return latencies;
                }));
            }
            Histogram all = new Histogram(LATENCY_NANOS_MAX, LATENCY_SIGNIFICANT_DIGITS);
            for (Future<Histogram> result : results) all.add(result.get());
            return new Outcome(done.get(), rejected.get(), System.nanoTime() - started, all);
        }
    }
}
