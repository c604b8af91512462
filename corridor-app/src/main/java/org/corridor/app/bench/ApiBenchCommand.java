package org.corridor.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.corridor.app.node.RateSources;
import org.corridor.gateway.fx.RateFile;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.corridor.app.node.SwitchNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code corridor bench api}: payments per second over HTTP on loopback. A whole node (store, single writer,
 * API) runs in this process on a fresh database; closed-loop clients make payments through the public API
 * (create, confirm from a customer's balance, capture: three durable POSTs each); then the balances are read
 * back through the API and checked to the cent. The last line on standard output is one JSON object.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "Measure payments/s over HTTP (create + confirm + capture, each durable) against an "
                + "in-process node on a fresh database, with closed-loop clients; then check the money.")
public final class ApiBenchCommand implements Callable<Integer> {
    /** Each API key's rate limit in the benchmark: far above any rate it reaches, so nothing is throttled. */
    static final int RATE_LIMIT_REQUESTS_PER_SECOND = 1_000_000;
    /** Each customer's top-up: $100 million, so a customer pays a million of the largest payments before running dry. */
    static final long TOP_UP_PER_CUSTOMER_MINOR = 10_000_000_000L;
    /** Requests per payment: create, confirm, capture. */
    static final int REQUESTS_PER_PAYMENT = 3;
    private static final String LISTEN_HOST = "127.0.0.1";

    @Option(names = "--store", paramLabel = "JDBC_URL", defaultValue = "jdbc:sqlite:data/bench/payments.db",
            description = "jdbc:sqlite:FILE (a fresh FILE-api.db, deleted after a run that passes; default "
                    + "${DEFAULT-VALUE}) or a PostgreSQL URL (a fresh schema corridor_bench_api, dropped after)")
    String store;

    @Option(names = "--duration", defaultValue = "30", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "5",
            description = "Seconds of load before measuring, not measured (default ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--clients", defaultValue = "16",
            description = "Concurrent closed-loop clients, one connection each (default ${DEFAULT-VALUE}: on a 2-core "
                    + "machine the most that keeps p99 under 25 ms; 64 or more shows the throughput ceiling).")
    int clients;

    @Option(names = "--customers", defaultValue = "1000",
            description = "Customers paying, each topped up so that no payment is declined (default ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--http", defaultValue = "socket",
            description = "The clients' HTTP/1.1 client: socket (plain sockets, cheapest) or jdk "
                    + "(java.net.http.HttpClient) (default ${DEFAULT-VALUE}).")
    String http;

    @Option(names = "--errors-max", defaultValue = "10",
            description = "Errors (non-200 answers, requests without an answer) tolerated before the run stops "
                    + "(default ${DEFAULT-VALUE}).")
    long errorsMax;

    @Option(names = "--seed", defaultValue = "20261128", description = "Seed of customers and amounts (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--case", defaultValue = "balance",
            description = "balance (USD shoppers pay a USD merchant) or fx_wallet (CNY wallet shoppers pay the USD "
                    + "merchant: each confirmation quotes at the market rate and converts through an FX liquidity "
                    + "provider) (default ${DEFAULT-VALUE}).")
    String benchCase;

    /** The mid rate of the fx_wallet case: USD/CNY, as a rate file in the run's temporary folder says it. */
    static final String FX_WALLET_RATE = "USD,CNY,7.1234";

    @Override
    public Integer call() throws Exception {
        if (durationSeconds < 1 || warmupSeconds < 0 || clients < 1 || customers < 1 || errorsMax < 0) {
            System.err.println("corridor bench api: need positive --duration, --clients and --customers, "
                    + "and --warmup and --errors-max of 0 or more");
            return 2;
        }
        if (!List.of("balance", "fx_wallet").contains(benchCase)) {
            System.err.println("corridor bench api: --case is balance or fx_wallet");
            return 2;
        }
        if (!List.of("socket", "jdk").contains(httpKind())) {
            System.err.println("corridor bench api: --http is socket or jdk");
            return 2;
        }
        BenchDatabase database = BenchDatabase.fresh(store, "api");
        System.err.printf(Locale.ROOT, "== api bench, case %s: store=%s http=%s clients=%d customers=%,d warm-up %d s, "
                + "measured %d s%n", benchCase, database.kind(), http, clients, customers, warmupSeconds, durationSeconds);
        Figures figures;
        try (SwitchNode node = SwitchNode.start(new SwitchNode.Settings(database.jdbcUrl(), LISTEN_HOST, 0,
                        RATE_LIMIT_REQUESTS_PER_SECOND, false).withRates(RateSources.ofFile(rateFile())),
                        InstantSource.system());
                ApiConnections connections = ApiConnections.to(http, LISTEN_HOST, node.api().port())) {
            figures = measure(node, connections);
        }
        if (!figures.passed()) {
            System.err.println("corridor bench api: FAILED; the database is kept: " + database.jdbcUrl());
            return 1;
        }
        database.discard();
        System.out.println(figures.json(benchCase, database.kind(), httpKind(), clients, customers, durationSeconds));
        return 0;
    }

    /** A rate file holding {@link #FX_WALLET_RATE} as of now, deleted when the process exits. */
    private static Path rateFile() throws IOException {
        Path file = Files.createTempFile("corridor-bench-rates", ".csv");
        file.toFile().deleteOnExit();
        return Files.writeString(file, RateFile.HEADER + "\n" + FX_WALLET_RATE + "," + Instant.now() + "\n");
    }

    private String httpKind() {
        return http.toLowerCase(Locale.ROOT);
    }

    private Figures measure(SwitchNode node, ApiConnections connections) throws Exception {
        String operatorKey = node.operatorKey().orElseThrow(
                () -> new IllegalStateException("a fresh store issues an operator key at start"));
        long setupStarted = System.nanoTime();
        ApiParties parties = ApiSetup.onboard(connections, operatorKey, customers, TOP_UP_PER_CUSTOMER_MINOR,
                benchCase.equals("fx_wallet") ? "CNY" : "USD");
        System.err.printf(Locale.ROOT, "  set up a merchant, a wallet provider and %,d topped-up customers through "
                + "the API in %.1f s%n", customers, (System.nanoTime() - setupStarted) / 1e9);

        ApiErrors errors = new ApiErrors(errorsMax);
        ApiPaymentLoad.Result load = ApiPaymentLoad.run(connections, parties, errors, new ApiPaymentLoad.Settings(
                clients, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds), seed));
        if (errors.exceeded()) {
            System.err.printf(Locale.ROOT, "corridor bench api: stopped: %,d errors, more than --errors-max %d. "
                    + "The first ones:%n", errors.count(), errors.errorsMax());
            errors.examples().forEach(example -> System.err.println("  " + example));
            return Figures.failed();
        }
        report(load, errors);

        List<ApiMoneyCheck.Line> lines = ApiMoneyCheck.check(connections, parties, load);
        boolean holds = load.unknown() == 0;
        System.err.println("  money check (sums read back through the API, in minor units):");
        for (ApiMoneyCheck.Line line : lines) {
            System.err.printf(Locale.ROOT, "    %-46s %,22d  expected %,22d  %s%n", line.what(), line.seen(),
                    line.expected(), line.holds() ? "ok" : "MISMATCH");
            holds &= line.holds();
        }
        if (load.unknown() > 0) {
            System.err.printf(Locale.ROOT, "    %,d payments got no answer to a confirmation or capture: their money "
                    + "cannot be accounted for%n", load.unknown());
        }
        if (!holds) {
            System.err.println("corridor bench api: the money check FAILED");
            return Figures.failed();
        }
        System.err.println("  money check: every cent accounted for");
        return new Figures(true, load, errors.count());
    }

    private void report(ApiPaymentLoad.Result load, ApiErrors errors) {
        System.err.printf(Locale.ROOT, "  %,d payments in %.2f s = %,.0f payments/s (%,.0f requests/s)%n",
                load.measuredPayments(), load.measuredNanos() / 1e9, load.paymentsPerSecond(),
                load.paymentsPerSecond() * REQUESTS_PER_PAYMENT);
        System.err.printf(Locale.ROOT, "  payment latency (create + confirm + capture): p50 %.2f ms, p90 %.2f ms, "
                + "p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n", load.latencyMillis(50), load.latencyMillis(90),
                load.latencyMillis(99), load.latencyMillis(99.9), load.latencyNanos().getMaxValue() / 1e6);
        System.err.printf(Locale.ROOT, "  %,d payments in all (warm-up included), %,d errors%n", load.payments(),
                errors.count());
        errors.examples().forEach(example -> System.err.println("    " + example));
    }

    /** What a run measured, and whether it passed (no more errors than allowed, and the money check held). */
    private record Figures(boolean passed, ApiPaymentLoad.Result load, long errors) {
        static Figures failed() {
            return new Figures(false, null, 0);
        }

        String json(String benchCase, String store, String http, int clients, int customers, int durationSeconds) {
            return String.format(Locale.ROOT, "{\"bench\":\"api\",\"case\":\"%s\",\"store\":\"%s\",\"http\":\"%s\","
                    + "\"clients\":%d,\"customers\":%d,\"duration_s\":%d,\"payments\":%d,\"payments_per_s\":%.1f,"
                    + "\"requests_per_s\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"p999_ms\":%.2f,\"errors\":%d}",
                    benchCase, store, http, clients, customers, durationSeconds, load.measuredPayments(),
                    load.paymentsPerSecond(),
                    load.paymentsPerSecond() * REQUESTS_PER_PAYMENT, load.latencyMillis(50), load.latencyMillis(99),
                    load.latencyMillis(99.9), errors);
        }
    }
}
