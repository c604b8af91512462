package org.corridor.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The card benchmark's load: a closed loop of concurrent clients on virtual threads, each with its own
 * connection and its own share of the cards (card {@code i} belongs to client {@code i % clients}), so that a
 * token's presentments reach Corridor in ATC order. A client makes one authorization at a time with its cards in
 * turn. Authorizations started during the warm-up are not measured; none starts after the measured window, and
 * the window lasts until the last one started in it is answered.
 */
final class CardPaymentLoad {
    /** Smallest and largest authorization, in minor units of the card's currency. */
    static final long AMOUNT_MIN_MINOR = 100;
    static final long AMOUNT_MAX_MINOR = 5_000;

    record Settings(int clients, Duration warmup, Duration duration, long seed) {}

    /**
     * What the clients did. Counts and latencies are the measured window's; the approved amounts per bank cover
     * every authorization, warm-up included, for the ledger check.
     */
    record Result(long measured, long measuredNanos, long approved, Map<String, Long> declinesByCode,
            Histogram confirmNanos, Histogram createNanos, long authorizations, Map<String, Long> approvedMinorByBank,
            long unknown) {
        double authorizationsPerSecond() {
            return measuredNanos == 0 ? 0 : measured * 1e9 / measuredNanos;
        }

        double approvedRatio() {
            return measured == 0 ? 0 : (double) approved / measured;
        }

        long declined() {
            return declinesByCode.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private CardPaymentLoad() {}

    static Result run(ApiConnections connections, CardParties parties, ApiErrors errors, Settings settings)
            throws Exception {
        CardPayment payment = new CardPayment(parties, errors);
        long started = System.nanoTime();
        long measureStart = started + settings.warmup().toNanos();
        long measureEnd = measureStart + settings.duration().toNanos();
        LongAdder answered = new LongAdder();
        CountDownLatch finished = new CountDownLatch(settings.clients());
        List<Future<CardTally>> tallies = new ArrayList<>(settings.clients());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < settings.clients(); client++) {
                List<CardParties.EnrolledCard> own = cardsOf(parties.cards(), client, settings.clients());
                SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + client);
                Window window = new Window(measureStart, measureEnd);
                String prefix = "c" + client + "-";
                tallies.add(executor.submit(() -> {
                    try (ApiHttp http = connections.open()) {
                        return client(http, payment, own, errors, random, prefix, window, answered);
                    } finally {
                        finished.countDown();
                    }
                }));
            }
            showProgress(finished, answered, started, measureStart, errors);
            CardTally all = new CardTally();
            for (Future<CardTally> tally : tallies) all.add(tally.get());
            long measuredNanos = all.measured == 0 ? 0 : all.lastMeasuredFinish - measureStart;
            return new Result(all.measured, measuredNanos, all.approved, new TreeMap<>(all.declinesByCode),
                    all.confirmNanos, all.createNanos, all.authorizations, new TreeMap<>(all.approvedMinorByBank),
                    all.unknown);
        }
    }

    /** Client {@code client}'s cards: every {@code clients}-th, starting at its own number. */
    static List<CardParties.EnrolledCard> cardsOf(List<CardParties.EnrolledCard> cards, int client, int clients) {
        List<CardParties.EnrolledCard> own = new ArrayList<>();
        for (int i = client; i < cards.size(); i += clients) own.add(cards.get(i));
        return own;
    }

    /** When the measured window opens and closes ({@link System#nanoTime()}). */
    private record Window(long start, long end) {}

    private static CardTally client(ApiHttp http, CardPayment payment, List<CardParties.EnrolledCard> cards,
            ApiErrors errors, SplittableRandom random, String prefix, Window window, LongAdder answered) {
        CardTally tally = new CardTally();
        for (long sequence = 0; !errors.exceeded(); sequence++) {
            long begin = System.nanoTime();
            if (begin - window.end() >= 0) break;
            CardParties.EnrolledCard card = cards.get((int) (sequence % cards.size()));
            long amount = AMOUNT_MIN_MINOR + random.nextLong(AMOUNT_MAX_MINOR - AMOUNT_MIN_MINOR + 1);
            CardPayment.Outcome outcome = payment.authorize(http, prefix + sequence, card, amount);
            tally.record(card, amount, outcome, begin - window.start() >= 0, System.nanoTime());
            if (outcome.kind() == CardPayment.Kind.APPROVED || outcome.kind() == CardPayment.Kind.DECLINED) {
                answered.increment();
            }
        }
        return tally;
    }

    /** Prints the authorization rate every few seconds until every client has finished. */
    private static void showProgress(CountDownLatch finished, LongAdder answered, long started, long measureStart,
            ApiErrors errors) throws InterruptedException {
        long lastCount = 0;
        long lastAt = started;
        while (!finished.await(ApiPaymentLoad.PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            long count = answered.sum();
            System.err.printf(Locale.ROOT, "  %5.1f s %-9s %,8.0f authorizations/s  (%,d errors)%n",
                    (now - started) / 1e9, lastAt - measureStart < 0 ? "warm-up" : "measuring",
                    (count - lastCount) * 1e9 / (now - lastAt), errors.count());
            lastCount = count;
            lastAt = now;
        }
    }
}
