package org.corridor.store.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.LedgerAudit;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.Transfer;
import org.corridor.sim.ledger.LedgerWorkload;
import org.corridor.sim.ledger.ReferenceLedger;
import org.corridor.sim.ledger.WorkloadConfig;
import org.corridor.sim.ledger.WorkloadStep;
import org.corridor.store.LedgerStore;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seeded model-based workload against the real, persisted engine: every command goes through the
 * single writer to SQLite or PostgreSQL, every answer is compared with the reference model's, the writer is
 * restarted from the store every few hundred steps (so later answers depend on what was persisted), and at
 * the end the store reloaded from scratch must hold exactly the model's accounts and transfers and pass the
 * audit.
 */
class PersistedLedgerModelTest {
    private static final long[] SEEDS = {11, 12, 13};
    private static final int STEPS = 1_500;
    private static final int RESTART_EVERY_STEPS = 400;
    private static final Comparator<Account> BY_ID = Comparator.comparing(Account::id);

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.corridor.store.testing.TestStores#kinds")
    void theStoredEngineAgreesWithTheReferenceModel(String kind, @TempDir Path directory) {
        for (long seed : SEEDS) {
            try (LedgerStore store = TestStores.open(kind, directory.resolve("seed-" + seed))) {
                run(seed, store);
            }
        }
    }

    private static void run(long seed, LedgerStore store) {
        WorkloadConfig config = WorkloadConfig.defaults();
        LedgerWorkload workload = new LedgerWorkload(seed, config);
        ReferenceLedger reference = new ReferenceLedger();
        SettableClock clock = new SettableClock(config.startNanos());
        LedgerWriter writer = LedgerWriter.start(store, clock);
        try {
            reference.beginBatch(clock.nanos());
            assertThat(writer.createAccounts(workload.initialAccounts()).join())
                    .isEqualTo(reference.createAccounts(workload.initialAccounts()));
            for (int step = 1; step <= STEPS; step++) {
                String where = "seed " + seed + ", step " + step;
                switch (workload.next()) {
                    case WorkloadStep.AdvanceClock advance -> clock.advance(advance.nanos());
                    case WorkloadStep.CreateAccounts command -> {
                        reference.beginBatch(clock.nanos());
                        assertThat(writer.createAccounts(command.accounts()).join()).as(where)
                                .isEqualTo(reference.createAccounts(command.accounts()));
                    }
                    case WorkloadStep.CreateTransfers command -> {
                        reference.beginBatch(clock.nanos());
                        assertThat(writer.createTransfers(command.transfers()).join()).as(where)
                                .isEqualTo(reference.createTransfers(command.transfers()));
                    }
                }
                if (step % RESTART_EVERY_STEPS == 0) {
                    writer.close();
                    writer = LedgerWriter.start(store, clock);
                }
            }
        } finally {
            writer.close();
        }
        LedgerStateMachine reloaded = new LedgerStateMachine();
        store.restore(reloaded);
        assertThat(LedgerAudit.violations(reloaded)).as("seed %d: audit of the reloaded store", seed).isEmpty();
        assertThat(sorted(reloaded.accounts())).as("seed %d: accounts", seed).isEqualTo(sorted(reference.accounts()));
        assertThat(reloaded.transfers()).as("seed %d: transfers", seed)
                .containsExactlyInAnyOrderElementsOf(reference.transfers());
        for (Transfer transfer : reference.transfers()) {
            assertThat(reloaded.pendingStatus(transfer.id())).as("seed %d: status of %s", seed, transfer.id())
                    .isEqualTo(reference.pendingStatus(transfer.id()));
        }
    }

    private static List<Account> sorted(List<Account> accounts) {
        return accounts.stream().sorted(BY_ID).toList();
    }
}
