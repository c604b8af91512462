package org.corridor.app.demo;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.corridor.app.StoreOption;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.LedgerAudit;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.store.LedgerStore;
import org.corridor.store.Stores;
import org.corridor.store.writer.LedgerWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code corridor demo}: payment-shaped traffic through the durable ledger, with a progress bar and a summary. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run payment traffic (card authorizations and captures, voids, expiries, wallet payments "
                + "with fees, refunds, declines) in CNY, USD and EUR through the durable ledger, then print a "
                + "summary and verify the ledger.")
public final class DemoCommand implements Callable<Integer> {
    private static final int CLIENTS = 64;
    private static final long PROGRESS_REDRAW_MS = 200;

    @Mixin
    StoreOption store;

    @Option(names = "--rate", defaultValue = "1000", description = "Payments per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--duration", defaultValue = "15", description = "Seconds of traffic (default ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--shoppers", defaultValue = "3000",
            description = "Shoppers per currency (default ${DEFAULT-VALUE}).")
    int shoppers;

    @Option(names = "--merchants", defaultValue = "50", description = "Merchants per currency (default ${DEFAULT-VALUE}).")
    int merchants;

    @Option(names = "--seed", defaultValue = "7", description = "Traffic seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--exit", description = "Exit after the summary (the default for now: there is no dashboard yet).")
    boolean exitAfterSummary;

    @Override
    public Integer call() throws Exception {
        if (rate < 1 || durationSeconds < 1 || shoppers < 1 || merchants < 1) {
            System.err.println("--rate, --duration, --shoppers and --merchants must be positive");
            return 2;
        }
        DemoLedger ledger = new DemoLedger(shoppers, merchants);
        DemoTally tally = new DemoTally();
        LongAdder batches = new LongAdder();
        LongAdder batchedEvents = new LongAdder();
        System.out.printf("Corridor demo: ledger on %s%n", store.url());
        try (LedgerStore ledgerStore = Stores.open(store.url());
                LedgerWriter writer = LedgerWriter.start(ledgerStore, InstantSource.system(),
                        (commands, events, commitNanos) -> {
                            batches.increment();
                            batchedEvents.add(events);
                        })) {
            System.out.printf("Opening %,d shopper wallets and %,d merchants in %s...%n",
                    shoppers * DemoLedger.CURRENCIES.size(), merchants * DemoLedger.CURRENCIES.size(),
                    DemoLedger.CURRENCIES.stream().map(DemoLedger.Currency::code).toList());
            ledger.open(writer, seed);
            // A fresh id space per run, so a second run on the same store never collides with the first.
            DemoTraffic traffic = new DemoTraffic(writer, ledger, tally, System.currentTimeMillis());
            drive(traffic, tally);
            printSummary(tally, ledgerStore, ledger, batches.sum(), batchedEvents.sum());
        }
        return audit(store.url());
    }

    private void drive(DemoTraffic traffic, DemoTally tally) throws Exception {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(durationSeconds).toNanos();
        long intervalNanos = 1_000_000_000L / rate;
        AtomicLong nextSlot = new AtomicLong(started);
        ProgressBar bar = new ProgressBar(System.out);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                SplittableRandom random = new SplittableRandom(seed * 1_000 + client);
                running.add(clients.submit(() -> {
                    long slot;
                    while ((slot = nextSlot.getAndAdd(intervalNanos)) < deadline) {
                        LockSupport.parkNanos(slot - System.nanoTime());
                        traffic.onePayment(random);
                    }
                    return null;
                }));
            }
            while (running.stream().anyMatch(future -> !future.isDone())) {
                double elapsed = (System.nanoTime() - started) / 1e9;
                bar.draw(elapsed / durationSeconds, String.format(Locale.ROOT, "%,d payments, %,.0f/s",
                        tally.payments(), tally.payments() / Math.max(elapsed, 1e-3)));
                Thread.sleep(PROGRESS_REDRAW_MS);
            }
            for (Future<?> future : running) future.get();
            double elapsed = (System.nanoTime() - started) / 1e9;
            bar.draw(1, String.format(Locale.ROOT, "%,d payments, %,.0f/s", tally.payments(),
                    tally.payments() / elapsed));
            bar.finish();
        }
    }

    private static void printSummary(DemoTally tally, LedgerStore store, DemoLedger ledger, long batches,
            long batchedEvents) {
        System.out.println();
        System.out.println("Payments by outcome:");
        tally.outcomes().forEach((outcome, count) -> System.out.printf("  %-45s %,10d%n", outcome, count));
        System.out.println("Captured this run, net of refunds, and fee income to date (the store may hold earlier runs):");
        for (DemoLedger.Currency currency : DemoLedger.CURRENCIES) {
            long captured = tally.capturedMinorByCurrency().getOrDefault(currency.code(), 0L);
            long fees = store.lookupAccount(ledger.fees(currency)).map(Account::creditBalancePosted).orElse(0L);
            System.out.printf("  %s %18s captured %14s fees%n", currency.code(), money(currency.code(), captured),
                    money(currency.code(), fees));
        }
        System.out.printf(Locale.ROOT, "Ledger: %,d transfers stored, %,d batches committed, %.1f events per batch%n",
                store.transferCount(), batches, batches == 0 ? 0.0 : (double) batchedEvents / batches);
    }

    private static String money(String currencyCode, long minor) {
        int digits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
        return java.math.BigDecimal.valueOf(minor, digits).toPlainString();
    }

    /** Reloads the whole ledger from the store and checks every invariant, as start-up does. */
    private static int audit(String url) {
        try (LedgerStore ledgerStore = Stores.open(url)) {
            LedgerStateMachine restored = new LedgerStateMachine();
            ledgerStore.restore(restored);
            List<String> violations = LedgerAudit.violations(restored);
            if (violations.isEmpty()) {
                System.out.println("Ledger verified: debits equal credits in every currency, every balance equals "
                        + "the sum of its transfers.");
                return 0;
            }
            System.out.println("LEDGER VERIFICATION FAILED: " + violations);
            return 1;
        }
    }
}
