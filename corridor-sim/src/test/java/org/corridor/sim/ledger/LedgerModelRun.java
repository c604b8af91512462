package org.corridor.sim.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.CreateAccountResult;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.LedgerAudit;
import org.corridor.core.ledger.LedgerChanges;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.PendingResolution;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;

/**
 * Drives the engine and the reference model with one seeded workload and compares them: every event's
 * answer as it is given, and after every batch every account, the batch's changes and the engine's audit.
 *
 * <p>A batch is the commands between two clock moves (at most {@link #COMMANDS_PER_BATCH_MAX}). Every
 * failure message starts with the seed and the step, which is all it takes to replay the run.
 */
final class LedgerModelRun {
    static final int COMMANDS_PER_BATCH_MAX = 16;
    private static final Comparator<Account> BY_ID = Comparator.comparing(Account::id);

    private final long seed;
    private final LedgerWorkload workload;
    private final LedgerStateMachine engine = new LedgerStateMachine();
    private final ReferenceLedger reference = new ReferenceLedger();
    private final Map<CreateTransferResult, Integer> transferResults = new EnumMap<>(CreateTransferResult.class);
    private final Map<CreateAccountResult, Integer> accountResults = new EnumMap<>(CreateAccountResult.class);
    private long clockNanos;
    private int step;
    private int batches;

    // Where the reference's journals stood when the current batch began.
    private Map<Id128, Account> accountsAtBatchStart;
    private int accountMark;
    private int transferMark;
    private int resolutionMark;
    private int failureMark;
    private int historyMark;

    LedgerModelRun(long seed, WorkloadConfig config) {
        this.seed = seed;
        this.workload = new LedgerWorkload(seed, config);
        this.clockNanos = config.startNanos();
    }

    /** The engine under test, for a test that wants to sabotage it and see the run notice. */
    LedgerStateMachine engine() {
        return engine;
    }

    /** Creates the workload's initial accounts in both ledgers, in one batch. */
    LedgerModelRun start() {
        beginBatch();
        List<CreateAccountResult> results = engine.createAccounts(workload.initialAccounts());
        assertThat(results).as(() -> where("initial accounts")).containsOnly(CreateAccountResult.OK);
        assertThat(reference.createAccounts(workload.initialAccounts())).as(() -> where("initial accounts, reference"))
                .isEqualTo(results);
        endBatch();
        return this;
    }

    /** Applies {@code steps} more workload steps, batch by batch, checking as it goes. */
    LedgerModelRun run(int steps) {
        int last = step + steps;
        while (step < last) {
            beginBatch();
            int commands = 0;
            boolean clockMoved = false;
            while (step < last && commands < COMMANDS_PER_BATCH_MAX && !clockMoved) {
                WorkloadStep next = workload.next();
                step++;
                switch (next) {
                    case WorkloadStep.AdvanceClock advance -> {
                        clockNanos += advance.nanos();
                        clockMoved = true;
                    }
                    case WorkloadStep.CreateAccounts command -> createAccounts(command.accounts());
                    case WorkloadStep.CreateTransfers command -> createTransfers(command.transfers());
                }
                commands++;
            }
            endBatch();
        }
        checkEveryTransfer();
        return this;
    }

    Map<CreateTransferResult, Integer> transferResults() {
        return transferResults;
    }

    Map<CreateAccountResult, Integer> accountResults() {
        return accountResults;
    }

    int batches() {
        return batches;
    }

    private String where(String what) {
        return "seed " + seed + ", step " + step + " (replay: new LedgerWorkload(" + seed + "L, config), "
                + step + " steps): " + what;
    }

    private void createAccounts(List<Account> command) {
        List<CreateAccountResult> expected = reference.createAccounts(command);
        List<CreateAccountResult> actual = engine.createAccounts(command);
        if (!actual.equals(expected)) {
            throw new AssertionError(where("create accounts " + command + ": engine answered " + actual
                    + ", reference " + expected));
        }
        for (CreateAccountResult result : actual) accountResults.merge(result, 1, Integer::sum);
    }

    private void createTransfers(List<Transfer> command) {
        List<CreateTransferResult> expected = reference.createTransfers(command);
        List<CreateTransferResult> actual = engine.createTransfers(command);
        for (int i = 0; i < command.size(); i++) {
            if (actual.get(i) != expected.get(i)) {
                throw new AssertionError(where("event " + i + " of " + command.size() + ", " + command.get(i)
                        + ": engine answered " + actual.get(i) + ", reference " + expected.get(i)
                        + "; whole command: engine " + actual + ", reference " + expected));
            }
        }
        for (CreateTransferResult result : actual) transferResults.merge(result, 1, Integer::sum);
    }

    private void beginBatch() {
        accountsAtBatchStart = new HashMap<>();
        for (Account account : engine.accounts()) accountsAtBatchStart.put(account.id(), account);
        accountMark = reference.accounts().size();
        transferMark = reference.transfers().size();
        resolutionMark = reference.resolutions().size();
        failureMark = reference.failures().size();
        historyMark = reference.history().size();
        engine.beginBatch(clockNanos);
        reference.beginBatch(clockNanos);
    }

    private void endBatch() {
        LedgerChanges changes = engine.drainChanges();
        batches++;
        List<Account> engineAccounts = engine.accounts().stream().sorted(BY_ID).toList();
        List<Account> referenceAccounts = reference.accounts();
        assertThat(engineAccounts).as(() -> where("every account after the batch"))
                .isEqualTo(referenceAccounts.stream().sorted(BY_ID).toList());
        List<Account> created = referenceAccounts.subList(accountMark, referenceAccounts.size());
        assertThat(changes.accountsCreated()).as(() -> where("accounts created in the batch")).extracting(Account::id,
                Account::timestamp).isEqualTo(created.stream().map(a -> tuple(a.id(), a.timestamp())).toList());
        assertThat(changes.accountsCreated()).as(() -> where("accounts created in the batch start empty"))
                .allSatisfy(a -> assertThat(new long[] {a.debitsPending(), a.debitsPosted(), a.creditsPending(),
                        a.creditsPosted()}).containsOnly(0));
        assertThat(changes.transfersCreated()).as(() -> where("transfers created in the batch"))
                .isEqualTo(reference.transfers().subList(transferMark, reference.transfers().size()));
        List<PendingResolution> resolutions = reference.resolutions();
        assertThat(changes.pendingResolutions()).as(() -> where("reservations resolved in the batch"))
                .containsExactlyInAnyOrderElementsOf(resolutions.subList(resolutionMark, resolutions.size()));
        assertThat(changes.transfersFailed()).as(() -> where("ids burnt in the batch"))
                .isEqualTo(reference.failures().subList(failureMark, reference.failures().size()));
        assertThat(changes.balanceHistory()).as(() -> where("history rows of the batch"))
                .isEqualTo(reference.history().subList(historyMark, reference.history().size()));
        assertThat(changes.lastTimestamp()).as(() -> where("last timestamp"))
                .isEqualTo(engine.lastTimestamp()).isEqualTo(reference.lastTimestamp());
        checkAccountsUpdated(changes);
        assertThat(LedgerAudit.violations(engine)).as(() -> where("audit after the batch")).isEmpty();
    }

    /** Each updated account once, as it now stands, and every account whose state changed among them. */
    private void checkAccountsUpdated(LedgerChanges changes) {
        Set<Id128> updated = new HashSet<>();
        for (Account account : changes.accountsUpdated()) {
            assertThat(updated.add(account.id())).as(() -> where("account " + account.id() + " listed twice")).isTrue();
            assertThat(account).as(() -> where("updated account " + account.id() + " as it stands"))
                    .isEqualTo(engine.account(account.id()).orElseThrow());
        }
        Map<Id128, Account> before = new HashMap<>(accountsAtBatchStart);
        for (Account created : changes.accountsCreated()) before.put(created.id(), created);
        for (Account now : engine.accounts()) {
            if (!now.equals(before.get(now.id()))) {
                assertThat(updated).as(() -> where("account " + now.id() + " changed but is not listed as updated"))
                        .contains(now.id());
            }
        }
    }

    /** At the end of a run: every transfer, and where every reservation stands, field for field. */
    private void checkEveryTransfer() {
        assertThat(engine.transferCount()).as(() -> where("transfer count")).isEqualTo(reference.transfers().size());
        for (Transfer expected : reference.transfers()) {
            assertThat(engine.transfer(expected.id())).as(() -> where("transfer " + expected.id())).contains(expected);
            if (expected.has(TransferFlags.PENDING)) {
                assertThat(engine.pendingStatus(expected.id())).as(() -> where("status of " + expected.id()))
                        .isEqualTo(reference.pendingStatus(expected.id()));
            }
        }
    }
}
