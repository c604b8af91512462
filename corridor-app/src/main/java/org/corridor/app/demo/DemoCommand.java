package org.corridor.app.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.corridor.app.ledger.LedgerVerifyCommand;
import org.corridor.app.reconcile.SimulatorRecords;
import org.corridor.core.reconciliation.Reconciliation;
import org.corridor.sim.wallet.ApiTransport;
import org.corridor.sim.wallet.IdempotencyKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code corridor demo}: Corridor and the issuer simulator in this process, participants onboarded and shoppers'
 * wallets opened through the public API, cross-border traffic at a chosen rate, then reconciliation, a ledger check
 * and a summary; the dashboard stays up until Ctrl-C unless {@code --exit}. Exits 0 when the ledger verified and
 * reconciliation found no break the injected faults do not explain, 1 otherwise or when something could not start,
 * 2 on a usage error.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start Corridor with the issuer simulator (250 banks), onboard issuers, wallets, shops, a "
                + "marketplace and thousands of shoppers in China, the US and Europe through the API, drive "
                + "cross-border traffic (taps, in-app, QR both ways, escrow, refunds, declines, issuer faults), "
                + "reconcile, verify the ledger, print a summary and keep the dashboard open until Ctrl-C.")
public final class DemoCommand implements Callable<Integer> {
    /** Clients sending payments at once: open-loop pacing, so a slow answer does not slow the offered rate. */
    static final int CLIENTS = 64;
    /** The highest --rate. */
    static final int RATE_MAX = 2_000;
    /** The longest --duration, in seconds. */
    static final int DURATION_SECONDS_MAX = 86_400;
    /** The most shoppers. */
    static final int SHOPPERS_MAX = 100_000;
    /** The most cards. */
    static final int CARDS_MAX = 5_000;
    static final long PROGRESS_REDRAW_MS = 250;
    /** How long the demo waits for the reversals of timed-out authorizations to be acknowledged. */
    static final long REVERSALS_WAIT_MS_MAX = 60_000;
    static final long REVERSALS_POLL_MS = 200;
    static final long CONNECT_TIMEOUT_MS = 2_000;
    /** A confirm waits for the issuer, and for a timeout when the issuer does not answer. */
    static final long REQUEST_TIMEOUT_MS = 30_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--rate", defaultValue = "50", description = "Payments per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--duration", defaultValue = "30", paramLabel = "SECONDS",
            description = "Seconds of traffic (default ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--store", paramLabel = "JDBC_URL",
            description = "A PostgreSQL URL such as jdbc:postgresql://127.0.0.1:5432/corridor?user=postgres "
                    + "(default: a new embedded SQLite store under --data-dir for each run).")
    String storeUrl;

    @Option(names = "--exit", description = "Exit after the summary (for scripts) instead of keeping the dashboard open.")
    boolean exitAfterSummary;

    @Option(names = "--port", defaultValue = "8080",
            description = "The API's and dashboard's port on 127.0.0.1, 0 for any free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the banks, shoppers and traffic (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--shoppers", defaultValue = "3000",
            description = "Shoppers' account wallets to open, a third each in CNY, USD and EUR (default ${DEFAULT-VALUE}).")
    int shoppers;

    @Option(names = "--cards", defaultValue = "200",
            description = "Test cards to enrol on phones as device tokens (default ${DEFAULT-VALUE}).")
    int cards;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/demo",
            description = "Where each run's folder (store, vault keys, rates, operator key) goes (default ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Override
    public Integer call() throws Exception {
        if (rate < 1 || rate > RATE_MAX) return usageError("--rate must be 1 to " + RATE_MAX);
        if (durationSeconds < 1 || durationSeconds > DURATION_SECONDS_MAX) {
            return usageError("--duration must be 1 to " + DURATION_SECONDS_MAX);
        }
        if (port < 0 || port > 65_535) return usageError("--port must be 0 to 65535");
        if (shoppers < 3 || shoppers > SHOPPERS_MAX) return usageError("--shoppers must be 3 to " + SHOPPERS_MAX);
        if (cards < 2 || cards > CARDS_MAX) return usageError("--cards must be 2 to " + CARDS_MAX);
        Path folder = dataDirectory.resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss-SSS")));
        String url = storeUrl != null ? storeUrl : "jdbc:sqlite:" + folder.resolve("corridor.db");
        // A reused store (PostgreSQL) holds cards sealed by earlier runs: their vault keys stay in one place.
        Path vault = storeUrl != null ? dataDirectory.resolve("vault") : folder.resolve("vault");
        out().printf("Corridor demo: starting the issuer simulator (250 banks) and Corridor on %s%n",
                storeUrl != null ? storeUrl.replaceAll("password=[^&]*", "password=***") : "a new embedded store in " + folder);
        out().flush();
        DemoWorld world;
        try {
            world = DemoWorld.start(url, port, folder, vault, seed);
        } catch (UncheckedIOException cannotListen) {
            return failure("port " + port + " on 127.0.0.1 is taken (" + cannotListen.getCause().getMessage()
                    + "); stop what uses it or choose another with --port");
        } catch (IOException cannotStart) {
            return failure("cannot start: " + cannotStart.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopper = Thread.ofPlatform().name("corridor-demo-stop").unstarted(() -> {
            world.close();
            out().println("Corridor and the issuer simulator stopped.");
            out().flush();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(stopper);
        int exitCode;
        try {
            exitCode = run(world);
        } catch (IllegalStateException | IOException setUpFailed) {
            exitCode = failure(setUpFailed.getMessage());
        } catch (Exception | Error unexpected) {
            Runtime.getRuntime().removeShutdownHook(stopper);
            world.close();
            throw unexpected;
        }
        if (exitAfterSummary || exitCode != 0) {
            Runtime.getRuntime().removeShutdownHook(stopper);
            world.close();
            return exitCode;
        }
        out().printf("Dashboard: http://127.0.0.1:%d/dashboard (log in with the operator key in %s). "
                + "Ctrl-C stops Corridor and the simulator.%n", world.node().api().port(), world.operatorKeyFile());
        out().flush();
        stopped.await();
        return exitCode;
    }

    private int run(DemoWorld world) throws Exception {
        int apiPort = world.node().api().port();
        out().printf("Corridor listening on http://127.0.0.1:%d (/v1, /dashboard, /metrics); operator key in %s%n",
                apiPort, world.operatorKeyFile());
        out().flush();
        DemoApi api = new DemoApi(ApiTransport.create(URI.create("http://127.0.0.1:" + apiPort),
                Duration.ofMillis(CONNECT_TIMEOUT_MS), Duration.ofMillis(REQUEST_TIMEOUT_MS),
                IdempotencyKeys.withPrefix("demo-" + seed + "-" + System.nanoTime())));
        ProgressBar bar = new ProgressBar(err());
        long setUpStarted = System.nanoTime();
        DemoParties parties = new DemoOnboarding(api, world.operatorKey(), bar)
                .run(world.simulator().banks(), cards, shoppers, seed);
        out().printf(Locale.ROOT, "Set up in %.0f s: %d issuers (%d new), %d of %d cards on phones, 3 account wallets "
                + "with %,d shoppers and %d balance tokens, %d shops, a marketplace with %d sellers, an FX provider%n",
                (System.nanoTime() - setUpStarted) / 1e9, world.simulator().banks().all().size(),
                parties.cards().issuersCreated(), parties.phoneCards().size(), cards,
                parties.wallets().values().stream().mapToInt(w -> w.shoppers().size()).sum(),
                parties.balanceTokens().size(), parties.shops().size() + parties.cards().merchants().size(),
                parties.sellers().size());
        DemoIssuerTrouble trouble = new DemoIssuerTrouble(world.simulator(), parties.phoneCards());
        trouble.declineMore(out());
        out().printf("Traffic: %d payments/s for %d s; issuer faults a third of the way in: %s%n", rate,
                durationSeconds, trouble.describeFaults());
        out().flush();
        DemoTally tally = new DemoTally();
        long started = System.nanoTime();
        drive(new DemoTraffic(api, parties, tally), tally, trouble, bar);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (seconds > durationSeconds + 1) {
            out().printf(Locale.ROOT, "The last answers came %.0f s after the traffic stopped: a request the issuer "
                    + "does not answer waits for the link's timeout, then is reversed.%n", seconds - durationSeconds);
        }
        awaitReversals(world);
        // The positions before settlement, which brings every participant's account of the window back to zero.
        Map<String, Map<String, Long>> positions = DemoPositions.read(api, world.operatorKey());
        Set<String> currencies = new TreeSet<>();
        positions.values().forEach(byCurrency -> currencies.addAll(byCurrency.keySet()));
        List<DemoSettlement.Settled> settled = DemoSettlement.closeAndSettle(api, world.operatorKey(), currencies);
        // This run's authorizations only: a reused store (PostgreSQL) holds earlier runs' whose issuer is gone.
        Reconciliation.Report report = Reconciliation.run(world.node().cardAuthorizations(world.startedAtNanos()),
                SimulatorRecords.of(world.simulator(), world.startedAtNanos()), world.node().duplicateReplies());
        PrintWriter out = out();
        out.println();
        DemoSummary.payments(out, tally, rate, durationSeconds);
        DemoSummary.fx(out, tally);
        DemoSummary.positions(out, positions);
        DemoSettlement.print(out, settled);
        int unexpected = DemoSummary.reconciliation(out, report, trouble);
        boolean verified = LedgerVerifyCommand.verify(world.storeUrl(), out);
        out.printf("Result: %s%n", verified && unexpected == 0 ? "OK (ledger verified, no unexpected break)"
                : "FAILED (" + (verified ? "" : "ledger not verified; ") + unexpected + " unexpected breaks)");
        out.flush();
        return verified && unexpected == 0 ? 0 : 1;
    }

    /** Open-loop pacing: payment slots every 1/rate s, taken by {@value #CLIENTS} virtual-thread clients. */
    private void drive(DemoTraffic traffic, DemoTally tally, DemoIssuerTrouble trouble, ProgressBar bar)
            throws Exception {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(durationSeconds).toNanos();
        long intervalNanos = 1_000_000_000L / rate;
        AtomicLong nextSlot = new AtomicLong(started);
        AtomicLong sent = new AtomicLong();
        boolean faultsInjected = false;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                SplittableRandom random = new SplittableRandom(seed * 1_000 + client);
                running.add(clients.submit(() -> {
                    long slot;
                    while ((slot = nextSlot.getAndAdd(intervalNanos)) < deadline) {
                        LockSupport.parkNanos(slot - System.nanoTime());
                        sent.incrementAndGet();
                        traffic.onePayment(random);
                    }
                    return null;
                }));
            }
            while (running.stream().anyMatch(future -> !future.isDone())) {
                double elapsed = (System.nanoTime() - started) / 1e9;
                if (!faultsInjected && elapsed >= durationSeconds / 3.0) {
                    trouble.injectFaults();
                    faultsInjected = true;
                }
                long waiting = sent.get() - tally.payments();
                bar.draw(elapsed / durationSeconds, elapsed < durationSeconds
                        ? String.format(Locale.ROOT, "%,d payments, %,.0f/s", tally.payments(),
                                tally.payments() / Math.max(elapsed, 1e-3))
                        : String.format(Locale.ROOT, "%,d payments; waiting for the last %d answers", tally.payments(),
                                waiting));
                Thread.sleep(PROGRESS_REDRAW_MS);
            }
            for (Future<?> future : running) future.get();
        }
        bar.draw(1, String.format(Locale.ROOT, "%,d payments in %.0f s%s", tally.payments(),
                (System.nanoTime() - started) / 1e9, " ".repeat(20)));
        bar.finish();
    }

    /** Reversals of timed-out authorizations are retried until the issuer acknowledges them; wait a bounded time. */
    private void awaitReversals(DemoWorld world) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMillis(REVERSALS_WAIT_MS_MAX).toNanos();
        while (world.node().reversalsPending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(REVERSALS_POLL_MS);
        }
        int pending = world.node().reversalsPending();
        if (pending > 0) out().printf("%d reversals still wait for the issuer's acknowledgement%n", pending);
    }

    // Picocli's writers rather than System.out, so that a test can read what was printed.
    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private int usageError(String message) {
        err().println("corridor demo: " + message);
        return 2;
    }

    private int failure(String message) {
        out().flush();
        err().println("corridor demo: " + message);
        err().flush();
        return 1;
    }
}
