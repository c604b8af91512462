package org.corridor.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.corridor.app.node.SwitchNode;
import org.corridor.gateway.issuer.IssuerLinkSettings;
import org.corridor.sim.issuer.IssuerSimulator;
import org.corridor.sim.issuer.IssuerSimulatorSettings;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.issuer.SimulatedBanks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code corridor bench cards}: card authorizations per second through the whole path. The issuer simulator and
 * a node with card rails pointed at it run in this process, on a fresh database; every simulated bank is
 * onboarded as an issuer and the test cards are enrolled as device tokens through the API; then closed-loop
 * clients create payment intents and confirm them with fresh presentments (cryptogram check, detokenization,
 * ISO 8583 round trip to the simulator over loopback TCP, ledger reservation). Afterwards Corridor's pending
 * debits, the simulator's holds and the clients' approvals are compared bank by bank. The last line on
 * standard output is one JSON object.
 */
@Command(name = "cards", mixinStandardHelpOptions = true,
        description = "Measure card authorizations/s over HTTP and ISO 8583 (create an intent + confirm it with a "
                + "device token, each durable) against an in-process node and issuer simulator on a fresh database, "
                + "with closed-loop clients; then check that Corridor's reservations equal the issuers' holds.")
public final class CardBenchCommand implements Callable<Integer> {
    /** Each test card's balance at its bank: far more than any run takes, so no decline is for funds. */
    static final long CARD_BALANCE_MINOR = 1_000_000_000_000L;
    /** Requests per authorization: create, confirm. */
    static final int REQUESTS_PER_AUTHORIZATION = 2;
    /** The longest wait after the run for reversals of unanswered authorizations to be acknowledged. */
    static final long REVERSALS_WAIT_MS_MAX = 30_000;
    static final long REVERSALS_POLL_MS = 100;
    /** The simulator's extra delay for an injected slow reply; no fault is injected here. */
    static final long SLOW_REPLY_MS = 2_000;
    private static final String LISTEN_HOST = "127.0.0.1";

    @Option(names = "--store", paramLabel = "JDBC_URL", defaultValue = "jdbc:sqlite:data/bench/payments.db",
            description = "jdbc:sqlite:FILE (a fresh FILE-cards.db, deleted after a run that passes; default "
                    + "${DEFAULT-VALUE}) or a PostgreSQL URL (a fresh schema corridor_bench_cards, dropped after)")
    String store;

    @Option(names = "--duration", defaultValue = "30", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "5",
            description = "Seconds of load before measuring, not measured (default ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--clients", defaultValue = "32",
            description = "Concurrent closed-loop clients (terminals), one connection each (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--cards", defaultValue = "2000",
            description = "Test cards enrolled as device tokens, spread over the banks and shared out among the "
                    + "clients (default ${DEFAULT-VALUE}).")
    int cards;

    @Option(names = "--banks", defaultValue = "" + SimulatedBanks.BANKS_DEFAULT,
            description = "Simulated issuing banks, each onboarded as an issuer (default ${DEFAULT-VALUE}).")
    int banks;

    @Option(names = "--no-declines", description = "Set every bank's random \"05 do not honour\" ratio to 0 "
            + "(by default the banks keep the ratios their seed gives them, and the approval ratio is reported).")
    boolean noDeclines;

    @Option(names = "--http", defaultValue = "socket",
            description = "The clients' HTTP/1.1 client: socket or jdk (default ${DEFAULT-VALUE}).")
    String http;

    @Option(names = "--errors-max", defaultValue = "10",
            description = "Errors (answers other than 200 and 402, requests without an answer) tolerated before the "
                    + "run stops (default ${DEFAULT-VALUE}).")
    long errorsMax;

    @Option(names = "--seed", defaultValue = "20261128",
            description = "Seed of the banks, the phones and the amounts (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (durationSeconds < 1 || warmupSeconds < 0 || clients < 1 || cards < clients || errorsMax < 0
                || banks < 1 || banks > SimulatedBanks.BANKS_MAX) {
            System.err.println("corridor bench cards: need positive --duration and --clients, --cards of at least "
                    + "--clients, --banks of 1 to " + SimulatedBanks.BANKS_MAX + ", and --warmup and --errors-max "
                    + "of 0 or more");
            return 2;
        }
        BenchDatabase database = BenchDatabase.fresh(store, "cards");
        Path vault = Files.createTempDirectory("corridor-bench-vault");
        System.err.printf(Locale.ROOT, "== cards bench: store=%s http=%s clients=%d cards=%,d banks=%d declines=%s "
                + "warm-up %d s, measured %d s; the issuer simulator runs in this process%n", database.kind(), http,
                clients, cards, banks, noDeclines ? "off" : "banks' own", warmupSeconds, durationSeconds);
        CardFigures figures;
        try (IssuerSimulator simulator = IssuerSimulator.start(new IssuerSimulatorSettings(LISTEN_HOST, 0, seed, banks,
                        0, 0, SLOW_REPLY_MS), InstantSource.system());
                SwitchNode node = SwitchNode.start(new SwitchNode.Settings(database.jdbcUrl(), LISTEN_HOST, 0,
                        ApiBenchCommand.RATE_LIMIT_REQUESTS_PER_SECOND, false)
                        .withCardRails(vault, simulator.address(), IssuerLinkSettings.defaults()),
                        InstantSource.system());
                ApiConnections connections = ApiConnections.to(http, LISTEN_HOST, node.api().port())) {
            if (noDeclines) simulator.banks().all().forEach(bank -> simulator.banks().setDeclinePerMille(bank.id(), 0));
            figures = measure(simulator, node, connections);
        } finally {
            deleteTree(vault);
        }
        if (!figures.passed()) {
            System.err.println("corridor bench cards: FAILED; the database is kept: " + database.jdbcUrl());
            return 1;
        }
        database.discard();
        System.out.println(figures.json(new CardFigures.Run(database.kind(), http.toLowerCase(Locale.ROOT), clients,
                cards, banks, !noDeclines, durationSeconds)));
        return 0;
    }

    private CardFigures measure(IssuerSimulator simulator, SwitchNode node, ApiConnections connections)
            throws Exception {
        String operatorKey = node.operatorKey().orElseThrow(
                () -> new IllegalStateException("a fresh store issues an operator key at start"));
        long setupStarted = System.nanoTime();
        CardParties parties = CardSetup.onboard(connections, operatorKey, simulator, cards, seed);
        System.err.printf(Locale.ROOT, "  onboarded %d issuers and %d merchants and enrolled %,d cards through the API "
                + "in %.1f s%n", parties.issuerIdsByBank().size(), parties.merchantsByCurrency().size(), cards,
                (System.nanoTime() - setupStarted) / 1e9);

        ApiErrors errors = new ApiErrors(errorsMax);
        CardPaymentLoad.Result load = CardPaymentLoad.run(connections, parties, errors, new CardPaymentLoad.Settings(
                clients, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds), seed));
        if (errors.exceeded()) {
            System.err.printf(Locale.ROOT, "corridor bench cards: stopped: %,d errors, more than --errors-max %d. "
                    + "The first ones:%n", errors.count(), errors.errorsMax());
            errors.examples().forEach(example -> System.err.println("  " + example));
            return CardFigures.failed();
        }
        CardFigures.report(load, errors);
        boolean reversed = awaitReversals(node);
        CardLedgerCheck.Report check = CardLedgerCheck.compare(corridorPending(connections, parties, simulator),
                CardLedgerCheck.issuerHolds(parties.cards(), pan -> simulator.banks().account(pan).heldMinor()),
                load.approvedMinorByBank());
        boolean holds = CardFigures.reportCheck(check, load) && reversed && load.unknown() == 0;
        if (!holds) {
            System.err.println("corridor bench cards: the ledger check FAILED");
            return CardFigures.failed();
        }
        return new CardFigures(true, load, errors.count(), check);
    }

    /** Waits for the reversals of unanswered authorizations, which release holds at the issuer; false if some remain. */
    private static boolean awaitReversals(SwitchNode node) throws InterruptedException {
        long deadline = System.nanoTime() + REVERSALS_WAIT_MS_MAX * 1_000_000;
        while (node.reversalsPending() > 0 && System.nanoTime() - deadline < 0) Thread.sleep(REVERSALS_POLL_MS);
        int pending = node.reversalsPending();
        if (pending > 0) System.err.printf(Locale.ROOT, "  %d reversals still unacknowledged%n", pending);
        return pending == 0;
    }

    /** Each bank's issuer account's pending debits in Corridor, read through the API as the operator. */
    private static Map<String, Long> corridorPending(ApiConnections connections, CardParties parties,
            IssuerSimulator simulator) throws Exception {
        Map<String, Long> byBank = new HashMap<>();
        try (ApiHttp http = connections.open()) {
            for (SimulatedBank bank : simulator.banks().all()) {
                String issuerId = parties.issuerIdsByBank().get(bank.id());
                var participant = http.get("/v1/participants/" + issuerId, parties.operatorKey())
                        .expectOk("reading issuer " + issuerId);
                for (var balance : participant.path("balances")) {
                    if (balance.path("currency").asString().equals(bank.currency().getCurrencyCode())) {
                        byBank.put(bank.id(), balance.path("debits_pending").asLong());
                    }
                }
            }
        }
        return byBank;
    }

    /** The vault's key files live only for the run. */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }
}
