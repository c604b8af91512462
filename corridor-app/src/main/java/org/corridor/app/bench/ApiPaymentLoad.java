package org.corridor.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The API benchmark's load: a closed loop of concurrent clients on virtual threads, each with its own
 * connection, making one payment (create, confirm, capture) at a time and starting the next as soon as the
 * last is captured. Payments started during the warm-up are not measured; no payment starts after the
 * measured window, and the window lasts until the last one started in it is captured.
 */
final class ApiPaymentLoad {
    /** Longest latency the histogram tracks; slower payments are clamped to it. */
    static final long LATENCY_NANOS_MAX = Duration.ofMinutes(1).toNanos();
    static final int LATENCY_SIGNIFICANT_DIGITS = 3;
    /** Smallest and largest payment, in USD cents. */
    static final long AMOUNT_MIN_MINOR = 100;
    static final long AMOUNT_MAX_MINOR = 10_000;
    /** How often progress is printed while the load runs. */
    static final long PROGRESS_INTERVAL_MS = 5_000;

    record Settings(int clients, Duration warmup, Duration duration, long seed) {}

    /**
     * What the clients did. The count and latencies are the measured window's; the money (captured, fees,
     * reserved but not captured) covers every payment, warm-up included, for the money check.
     */
    /**
     * What a run did. The captured and reserved amounts are in the merchant's currency; {@code shopperPaidMinor} and
     * {@code shopperReservedMinor} are what left or is held on the shoppers' balances, in their own currency (the same
     * figures unless the payments convert currency).
     */
    record Result(long measuredPayments, long measuredNanos, Histogram latencyNanos, long payments,
            long capturedMinor, long feesMinor, long reservedMinor, long notPaid, long unknown, long shopperPaidMinor,
            long shopperReservedMinor) {
        double paymentsPerSecond() {
            return measuredNanos == 0 ? 0 : measuredPayments * 1e9 / measuredNanos;
        }

        double latencyMillis(double percentile) {
            return latencyNanos.getValueAtPercentile(percentile) / 1e6;
        }
    }

    private ApiPaymentLoad() {}

    static Result run(ApiConnections connections, ApiParties parties, ApiErrors errors, Settings settings)
            throws Exception {
        ApiPayment payment = new ApiPayment(parties, errors);
        long started = System.nanoTime();
        long measureStart = started + settings.warmup().toNanos();
        long measureEnd = measureStart + settings.duration().toNanos();
        LongAdder captured = new LongAdder();
        CountDownLatch finished = new CountDownLatch(settings.clients());
        List<Future<Tally>> tallies = new ArrayList<>(settings.clients());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < settings.clients(); client++) {
                int number = client;
                tallies.add(executor.submit(() -> {
                    try (ApiHttp http = connections.open()) {
                        return client(http, payment, parties, errors, number, settings.seed(), measureStart,
                                measureEnd, captured);
                    } finally {
                        finished.countDown();
                    }
                }));
            }
            showProgress(finished, captured, started, measureStart, errors);
            Tally all = new Tally();
            for (Future<Tally> tally : tallies) all.add(tally.get());
            long measuredNanos = all.measured == 0 ? 0 : all.lastMeasuredFinish - measureStart;
            return new Result(all.measured, measuredNanos, all.latencies,
                    all.payments, all.capturedMinor, all.feesMinor, all.reservedMinor, all.notPaid, all.unknown,
                    payment.shopperPaidMinor(), payment.shopperReservedMinor());
        }
    }

    private static Tally client(ApiHttp http, ApiPayment payment, ApiParties parties, ApiErrors errors, int client,
            long seed, long measureStart, long measureEnd, LongAdder captured) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + client);
        List<String> customers = parties.customerIds();
        Tally tally = new Tally();
        for (long sequence = 0; !errors.exceeded(); sequence++) {
            long begin = System.nanoTime();
            if (begin - measureEnd >= 0) break;
            String customer = customers.get(random.nextInt(customers.size()));
            long amount = AMOUNT_MIN_MINOR + random.nextLong(AMOUNT_MAX_MINOR - AMOUNT_MIN_MINOR + 1);
            ApiPayment.Outcome outcome = payment.pay(http, "p" + client + "-" + sequence, customer, amount);
            long finish = System.nanoTime();
            tally.payments++;
            switch (outcome) {
                case CAPTURED -> {
                    tally.capturedMinor += amount;
                    tally.feesMinor += ApiPayment.fee(amount, parties.merchantFeeBasisPoints());
                    captured.increment();
                    if (begin - measureStart >= 0) {
                        tally.measured++;
                        tally.latencies.recordValue(Math.min(finish - begin, LATENCY_NANOS_MAX));
                        tally.lastMeasuredFinish = finish;
                    }
                }
                case RESERVED -> tally.reservedMinor += amount;
                case NOT_PAID -> tally.notPaid++;
                case UNKNOWN -> tally.unknown++;
            }
        }
        return tally;
    }

    /** Prints the capture rate every few seconds until every client has finished. */
    private static void showProgress(CountDownLatch finished, LongAdder captured, long started, long measureStart,
            ApiErrors errors) throws InterruptedException {
        long lastCount = 0;
        long lastAt = started;
        while (!finished.await(PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            long count = captured.sum();
            System.err.printf(Locale.ROOT, "  %5.1f s %-9s %,8.0f payments/s  (%,d errors)%n", (now - started) / 1e9,
                    lastAt - measureStart < 0 ? "warm-up" : "measuring", (count - lastCount) * 1e9 / (now - lastAt),
                    errors.count());
            lastCount = count;
            lastAt = now;
        }
    }

    /** One client's counts, merged at the end. */
    private static final class Tally {
        final Histogram latencies = new Histogram(LATENCY_NANOS_MAX, LATENCY_SIGNIFICANT_DIGITS);
        long measured;
        /** When the last measured payment was captured ({@link System#nanoTime()}); meaningless while none was. */
        long lastMeasuredFinish = Long.MIN_VALUE;
        long payments;
        long capturedMinor;
        long feesMinor;
        long reservedMinor;
        long notPaid;
        long unknown;

        void add(Tally other) {
            latencies.add(other.latencies);
            if (other.measured > 0 && (measured == 0 || other.lastMeasuredFinish - lastMeasuredFinish > 0)) {
                lastMeasuredFinish = other.lastMeasuredFinish;
            }
            measured += other.measured;
            payments += other.payments;
            capturedMinor += other.capturedMinor;
            feesMinor += other.feesMinor;
            reservedMinor += other.reservedMinor;
            notPaid += other.notPaid;
            unknown += other.unknown;
        }
    }
}
