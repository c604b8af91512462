package org.corridor.app.bench;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.CreateAccountResult;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.LedgerAudit;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.Transfer;
import org.corridor.store.LedgerStore;
import org.corridor.store.Stores;
import org.corridor.store.writer.LedgerWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code corridor bench ledger}: durable transfers per second through the single writer, against a naive
 * one-transaction-per-transfer baseline on the same store with the same clients.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "Measure durable ledger transfers/s (engine vs. a naive one-transaction-per-transfer "
                + "baseline) with many concurrent clients, each submitting single transfers.")
public final class LedgerBenchCommand implements Callable<Integer> {
    private static final int LEDGER_USD = 840;
    private static final int ACCOUNT_CODE_SHOPPER = 1;
    private static final int ACCOUNT_CODE_MINT = 2;
    private static final int TRANSFER_CODE_FUNDING = 1;
    private static final int TRANSFER_CODE_PAYMENT = 2;
    private static final long ID_SPACE_FUNDING = 1;
    private static final long ID_SPACE_PAYMENT = 2;

    @Option(names = "--store", paramLabel = "JDBC_URL", defaultValue = "jdbc:sqlite:data/bench/ledger.db",
            description = "jdbc:sqlite:FILE (a fresh FILE-MODE.db is made per case; default ${DEFAULT-VALUE}) or a "
                    + "PostgreSQL URL (a fresh schema corridor_bench_MODE is made per case and dropped after)")
    String store;

    @Option(names = "--accounts", defaultValue = "10000", description = "Shopper accounts (default ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--transfers", defaultValue = "1000000",
            description = "Measured transfers per case (default ${DEFAULT-VALUE}).")
    long transfers;

    @Option(names = "--warmup", defaultValue = "100000",
            description = "Transfers before measuring, to warm the JIT (default ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--clients", defaultValue = "1000",
            description = "Concurrent clients, virtual threads (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--mode", defaultValue = "both",
            description = "uniform (random pairs), hot (every transfer credits one account) or both (default).")
    String mode;

    @Option(names = "--hot", description = "Shorthand for --mode hot.")
    boolean hotOnly;

    @Option(names = "--baseline-transfers", defaultValue = "30000",
            description = "Most transfers measured for the naive baseline (default ${DEFAULT-VALUE}).")
    long baselineTransfers;

    @Option(names = "--seconds-max", defaultValue = "120",
            description = "Time limit of each measured run, in seconds (default ${DEFAULT-VALUE}).")
    int secondsMax;

    @Option(names = "--seed", defaultValue = "20261128", description = "Workload seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (accounts < 2 || transfers < 1 || clients < 1 || warmup < 0 || baselineTransfers < 1 || secondsMax < 1) {
            System.err.println("need --accounts >= 2 and positive --transfers, --clients, --baseline-transfers, "
                    + "--seconds-max");
            return 2;
        }
        List<String> modes = hotOnly ? List.of("hot") : switch (mode) {
            case "uniform", "hot" -> List.of(mode);
            case "both" -> List.of("uniform", "hot");
            default -> throw new IllegalArgumentException("--mode is uniform, hot or both");
        };
        List<String> jsonLines = new ArrayList<>();
        for (String caseMode : modes) {
            jsonLines.add(runCase(new BenchWorkload(accounts, caseMode.equals("hot"), seed)));
        }
        System.out.println();
        jsonLines.forEach(System.out::println);
        return 0;
    }

    private String runCase(BenchWorkload workload) throws Exception {
        BenchDatabase database = BenchDatabase.fresh(store, workload.mode());
        System.out.printf(Locale.ROOT, "%n== ledger bench: store=%s mode=%s accounts=%,d clients=%,d transfers=%,d%n",
                database.kind(), workload.mode(), accounts, clients, transfers);
        try {
            EngineFigures engine = measureEngine(database, workload);
            ClosedLoopLoad.Outcome baseline = measureBaseline(database, workload);
            double ratio = engine.outcome.transfersPerSecond() / baseline.transfersPerSecond();
            System.out.printf(Locale.ROOT, "  ratio:    %.1fx the naive baseline%n", ratio);
            return String.format(Locale.ROOT,
                    "{\"bench\":\"ledger\",\"store\":\"%s\",\"mode\":\"%s\",\"accounts\":%d,\"clients\":%d,"
                            + "\"transfers\":%d,\"transfers_per_s\":%.0f,\"baseline_transfers_per_s\":%.0f,"
                            + "\"ratio\":%.1f,\"commit_p50_ms\":%.2f,\"commit_p99_ms\":%.2f,"
                            + "\"batch_transfers_mean\":%.0f,\"batch_commit_p99_ms\":%.2f}",
                    database.kind(), workload.mode(), accounts, clients, engine.outcome.transfers(),
                    engine.outcome.transfersPerSecond(), baseline.transfersPerSecond(), ratio,
                    engine.outcome.latencyMillis(50), engine.outcome.latencyMillis(99),
                    engine.batchEvents.getMean(), engine.batchCommitNanos.getValueAtPercentile(99) / 1e6);
        } finally {
            database.drop();
        }
    }

    private record EngineFigures(ClosedLoopLoad.Outcome outcome, Histogram batchEvents, Histogram batchCommitNanos) {}

    private EngineFigures measureEngine(BenchDatabase database, BenchWorkload workload) throws Exception {
        Histogram batchEvents = new Histogram(LedgerWriter.EVENTS_PER_BATCH_MAX, 3);
        Histogram batchCommitNanos = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
        AtomicBoolean measuring = new AtomicBoolean();
        ClosedLoopLoad.Outcome outcome;
        try (LedgerStore ledgerStore = Stores.open(database.jdbcUrl());
                LedgerWriter writer = LedgerWriter.start(ledgerStore, InstantSource.system(),
                        (commands, events, commitNanos) -> {
                            if (measuring.get()) {
                                batchEvents.recordValue(events);
                                batchCommitNanos.recordValue(Math.min(commitNanos, Duration.ofMinutes(1).toNanos()));
                            }
                        })) {
            openAccounts(writer);
            ClosedLoopLoad.TransferSink sink = sequence -> {
                BenchWorkload.Leg leg = workload.leg(sequence);
                Transfer transfer = Transfer.of(new Id128(ID_SPACE_PAYMENT, sequence), Id128.of(leg.debitAccount()),
                        Id128.of(leg.creditAccount()), leg.amount(), LEDGER_USD, TRANSFER_CODE_PAYMENT);
                return writer.createTransfers(List.of(transfer)).join().getFirst() == CreateTransferResult.OK;
            };
            ClosedLoopLoad.run(clients, 0, warmup, Duration.ofSeconds(secondsMax), sink);
            measuring.set(true);
            ClosedLoopLoad.Outcome acknowledged =
                    ClosedLoopLoad.run(clients, warmup, transfers, Duration.ofSeconds(secondsMax), sink);
            measuring.set(false);
            // Acknowledged means durable in the batch log; the run ends when the tables hold it all too, so
            // the figure is what the store sustains, not what its log can absorb for a while.
            long catchUpStarted = System.nanoTime();
            ledgerStore.transferCount();
            long catchUpNanos = System.nanoTime() - catchUpStarted;
            System.out.printf(Locale.ROOT, "  acknowledged %,.0f transfers/s; the tables caught up %.2f s after the"
                    + " last acknowledgement%n", acknowledged.transfersPerSecond(), catchUpNanos / 1e9);
            outcome = acknowledged.extendedBy(catchUpNanos);
        }
        report("corridor", outcome);
        System.out.printf(Locale.ROOT, "            batches: mean %.0f transfers, commit p50 %.2f ms p99 %.2f ms%n",
                batchEvents.getMean(), batchCommitNanos.getValueAtPercentile(50) / 1e6,
                batchCommitNanos.getValueAtPercentile(99) / 1e6);
        audit(database);
        return new EngineFigures(outcome, batchEvents, batchCommitNanos);
    }

    private void openAccounts(LedgerWriter writer) {
        List<Account> opening = new ArrayList<>();
        List<Transfer> funding = new ArrayList<>();
        Id128 mint = Id128.of(accounts + 1L);
        writer.createAccounts(List.of(Account.open(mint, LEDGER_USD, ACCOUNT_CODE_MINT, 0, Id128.ZERO))).join();
        for (int account = 1; account <= accounts; account++) {
            opening.add(Account.open(Id128.of(account), LEDGER_USD, ACCOUNT_CODE_SHOPPER,
                    AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, Id128.ZERO));
            funding.add(Transfer.of(new Id128(ID_SPACE_FUNDING, account), mint, Id128.of(account),
                    BenchWorkload.OPENING_BALANCE_MINOR, LEDGER_USD, TRANSFER_CODE_FUNDING));
            if (opening.size() == LedgerStateMachine.EVENTS_PER_COMMAND_MAX || account == accounts) {
                expectAll(writer.createAccounts(opening).join().stream().allMatch(CreateAccountResult::created));
                expectAll(writer.createTransfers(funding).join().stream().allMatch(CreateTransferResult::applied));
                opening.clear();
                funding.clear();
            }
        }
    }

    private static void expectAll(boolean ok) {
        if (!ok) throw new IllegalStateException("opening the benchmark accounts failed");
    }

    /** Loads what the run committed into a fresh state machine and checks every invariant. */
    private static void audit(BenchDatabase database) {
        long started = System.nanoTime();
        try (LedgerStore ledgerStore = Stores.open(database.jdbcUrl())) {
            LedgerStateMachine restored = new LedgerStateMachine();
            ledgerStore.restore(restored);
            List<String> violations = LedgerAudit.violations(restored);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("the ledger failed its audit after the run: " + violations.getFirst());
            }
            System.out.printf(Locale.ROOT, "            audit: %,d transfers reloaded and verified in %.1f s%n",
                    restored.transferCount(), (System.nanoTime() - started) / 1e9);
        }
    }

    private ClosedLoopLoad.Outcome measureBaseline(BenchDatabase database, BenchWorkload workload) throws Exception {
        try (NaiveLedger naive = new NaiveLedger(database.jdbcUrl())) {
            naive.open(accounts, BenchWorkload.OPENING_BALANCE_MINOR);
            ClosedLoopLoad.TransferSink sink = sequence -> {
                BenchWorkload.Leg leg = workload.leg(sequence);
                return naive.transfer(sequence, leg.debitAccount(), leg.creditAccount(), leg.amount());
            };
            long baselineWarmup = Math.min(warmup, baselineTransfers / 10);
            ClosedLoopLoad.run(clients, 0, baselineWarmup, Duration.ofSeconds(secondsMax), sink);
            ClosedLoopLoad.Outcome outcome = ClosedLoopLoad.run(clients, baselineWarmup, baselineTransfers,
                    Duration.ofSeconds(secondsMax), sink);
            report("baseline", outcome);
            return outcome;
        }
    }

    private static void report(String who, ClosedLoopLoad.Outcome outcome) {
        System.out.printf(Locale.ROOT,
                "  %-8s: %,d transfers in %.2f s = %,.0f transfers/s; ack latency p50 %.2f ms, p99 %.2f ms%s%n",
                who, outcome.transfers(), outcome.elapsedNanos() / 1e9, outcome.transfersPerSecond(),
                outcome.latencyMillis(50), outcome.latencyMillis(99),
                outcome.rejected() > 0 ? " (" + outcome.rejected() + " rejected)" : "");
    }
}
