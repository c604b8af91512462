package org.corridor.store.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.LedgerAudit;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.Transfer;
import org.corridor.store.LedgerStore;
import org.corridor.store.Stores;
import org.corridor.store.testing.TestDatabase;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills a process applying load with SIGKILL mid-stream, several times over one store, and checks after
 * each kill that every acknowledged transfer is present with identical fields, that no command is half
 * applied (a linked chain is all there or not at all), and that the ledger passes its audit.
 */
class CrashRecoveryTest {
    private static final int CYCLES = 4;
    /** Acknowledged commands to wait for before a kill, on top of those of earlier cycles. */
    private static final int ACKNOWLEDGED_PER_CYCLE_MIN = 1_500;
    private static final Duration CYCLE_TIMEOUT = Duration.ofSeconds(90);

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.corridor.store.testing.TestStores#kinds")
    void acknowledgedTransfersSurviveSigkill(String kind, @TempDir Path directory) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        Path journal = directory.resolve("journal.txt");
        Files.createFile(journal);
        try (TestDatabase database = TestStores.database(kind, directory)) {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                Process load = startLoad(database.url(), journal, cycle, directory);
                waitForAcknowledgements(load, journal, cycle * ACKNOWLEDGED_PER_CYCLE_MIN, directory);
                Thread.sleep(random.nextInt(200));
                load.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
                assertThat(load.waitFor(30, TimeUnit.SECONDS)).as("the load process died").isTrue();
                verify(database.url(), journal, cycle);
            }
        }
    }

    private static Process startLoad(String url, Path journal, int cycle, Path directory) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), CrashLoad.class.getName(), url, journal.toString(),
                Integer.toString(cycle))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("load-" + cycle + ".log").toFile())
                .start();
    }

    private static void waitForAcknowledgements(Process load, Path journal, int wanted, Path directory)
            throws Exception {
        long deadline = System.nanoTime() + CYCLE_TIMEOUT.toNanos();
        while (acknowledged(CrashJournal.read(journal)) < wanted) {
            if (!load.isAlive()) {
                throw new AssertionError("the load process exited early with " + load.exitValue() + ":\n"
                        + Files.readString(directory.resolve("load-" + logCycle(directory) + ".log")));
            }
            if (System.nanoTime() > deadline) {
                load.destroyForcibly();
                throw new AssertionError("the load process acknowledged too little within " + CYCLE_TIMEOUT);
            }
            Thread.sleep(100);
        }
    }

    private static long logCycle(Path directory) throws Exception {
        try (var logs = Files.list(directory)) {
            return logs.filter(p -> p.getFileName().toString().startsWith("load-")).count();
        }
    }

    private static long acknowledged(Map<String, CrashJournal.Entry> entries) {
        return entries.values().stream().filter(entry -> entry.results() != null).count();
    }

    private static void verify(String url, Path journal, int cycle) throws Exception {
        Map<String, CrashJournal.Entry> entries = CrashJournal.read(journal);
        try (LedgerStore store = Stores.open(url)) {
            LedgerStateMachine restored = new LedgerStateMachine();
            store.restore(restored);
            assertThat(LedgerAudit.violations(restored)).as("audit after kill %d", cycle).isEmpty();
            long checked = 0;
            for (Map.Entry<String, CrashJournal.Entry> named : entries.entrySet()) {
                CrashJournal.Entry entry = named.getValue();
                List<Transfer> commands = entry.transfers();
                long present = commands.stream().filter(t -> restored.transfer(t.id()).isPresent()).count();
                assertThat(present).as("command %s after kill %d is all there or not at all", named.getKey(), cycle)
                        .isIn(0L, (long) commands.size());
                if (entry.results() == null) continue;
                for (int i = 0; i < commands.size(); i++) {
                    Transfer submitted = commands.get(i);
                    boolean applied = entry.results().get(i).applied();
                    assertThat(restored.transfer(submitted.id()).isPresent())
                            .as("acknowledged %s of %s is %s", entry.results().get(i), named.getKey(),
                                    applied ? "present" : "absent")
                            .isEqualTo(applied);
                    if (applied) {
                        Transfer stored = restored.transfer(submitted.id()).orElseThrow();
                        assertThat(withoutTimestamp(stored)).isEqualTo(submitted);
                        checked++;
                    }
                }
                assertThat(entry.results()).doesNotContain(CreateTransferResult.LINKED_EVENT_CHAIN_OPEN);
            }
            assertThat(checked).as("acknowledged transfers checked after kill %d", cycle)
                    .isGreaterThanOrEqualTo(cycle * ACKNOWLEDGED_PER_CYCLE_MIN / 2);
        }
    }

    private static Transfer withoutTimestamp(Transfer t) {
        return new Transfer(t.id(), t.debitAccountId(), t.creditAccountId(), t.amount(), t.pendingId(), t.userData(),
                t.timeoutSeconds(), t.ledger(), t.code(), t.flags(), 0);
    }
}
