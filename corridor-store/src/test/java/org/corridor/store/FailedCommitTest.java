package org.corridor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.store.LedgerFixtures.START_NANOS;
import static org.corridor.store.LedgerFixtures.account;
import static org.corridor.store.LedgerFixtures.accountsById;
import static org.corridor.store.LedgerFixtures.batch;
import static org.corridor.store.LedgerFixtures.id;
import static org.corridor.store.LedgerFixtures.transfer;
import static org.corridor.store.LedgerFixtures.transfersById;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.corridor.core.Id128;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.LedgerAudit;
import org.corridor.core.ledger.LedgerChanges;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;
import org.corridor.store.testing.TestDatabase;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writing batches into the tables is all or nothing: a projection that fails part-way (a primary key
 * written twice, on purpose) leaves nothing of its batch behind, and the store takes the next batch as if
 * the failed one had never been tried. A batch the tables refuse for good stops the store: it stays in the
 * batch log, reads say why, and reopening refuses too, rather than serving tables that miss an
 * acknowledged batch.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FailedCommitTest {
    private static final long HOLDER = 1;
    private static final long PAYER = 2;
    private static final long PAYEE = 3;
    private static final long LATE = 4;
    private static final long UNKNOWN = 99;
    private static final long RESERVATION = 11;
    private static final long LATE_PAYMENT = 20;

    /** Where the duplicate goes: in the first table the commit writes, or in one of the last. */
    enum Duplicate {
        ACCOUNT,
        FAILURE
    }

    static Stream<Arguments> cases() {
        return TestStores.kinds().flatMap(kind -> Stream.of(Duplicate.values()).map(d -> Arguments.of(kind, d)));
    }

    @ParameterizedTest(name = "{0}, duplicate {1}")
    @MethodSource("cases")
    void aFailedCommitLeavesNoTrace(String kind, Duplicate duplicate, @TempDir Path directory) {
        try (TestDatabase database = TestStores.database(kind, directory);
                JdbcLedgerStore store = (JdbcLedgerStore) Stores.open(database.url())) {
            LedgerStateMachine machine = new LedgerStateMachine();
            LedgerChanges first = batch(machine, START_NANOS, () -> firstBatch(machine));
            store.commit(first);
            LedgerStateMachine before = restored(store);

            LedgerChanges second = batch(machine, START_NANOS + 1_000, () -> secondBatch(machine));
            assertThat(second.accountsCreated()).isNotEmpty();
            assertThat(second.pendingResolutions()).isNotEmpty();
            assertThat(second.balanceHistory()).isNotEmpty();
            LedgerChanges poisoned = withDuplicate(second, first, duplicate);
            assertThatThrownBy(() -> store.project(LoggedBatch.ofLedger(poisoned), 2)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("rolled back");

            LedgerStateMachine after = restored(store);
            assertThat(accountsById(after)).isEqualTo(accountsById(before));
            assertThat(transfersById(after)).isEqualTo(transfersById(before));
            assertThat(after.lastTimestamp()).isEqualTo(before.lastTimestamp());
            assertThat(store.lookupAccount(id(LATE))).isEmpty();
            assertThat(store.lookupTransfer(id(LATE_PAYMENT))).isEmpty();
            assertThat(store.lookupPendingStatus(id(RESERVATION))).contains(PendingStatus.PENDING);
            assertThat(store.accountBalances(AccountFilter.all(id(HOLDER), 100))).hasSize(2);
            assertThat(store.transferCount()).isEqualTo(before.transferCount());

            // As the writer would: rebuild from the store, apply the commands again, commit.
            LedgerChanges retried = batch(after, START_NANOS + 2_000, () -> secondBatch(after));
            store.commit(retried);
            LedgerStateMachine finally_ = restored(store);
            assertThat(transfersById(finally_)).isEqualTo(transfersById(after));
            assertThat(finally_.transfer(id(LATE_PAYMENT))).isPresent();
            assertThat(store.lookupPendingStatus(id(RESERVATION))).contains(PendingStatus.POSTED);
            assertThat(LedgerAudit.violations(finally_)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.corridor.store.testing.TestStores#kinds")
    void aBatchTheTablesRefuseStopsTheStoreAndStaysInTheLog(String kind, @TempDir Path directory) {
        try (TestDatabase database = TestStores.database(kind, directory)) {
            LedgerStateMachine machine = new LedgerStateMachine();
            LedgerChanges first = batch(machine, START_NANOS, () -> firstBatch(machine));
            LedgerChanges second = batch(machine, START_NANOS + 1_000, () -> secondBatch(machine));
            try (LedgerStore store = Stores.open(database.url())) {
                store.commit(first);
                store.commit(withDuplicate(second, first, Duplicate.ACCOUNT));
                assertThatThrownBy(() -> store.lookupAccount(id(LATE))).isInstanceOf(StoreException.class)
                        .hasMessageContaining("cannot take batch 2").hasMessageContaining("batch log");
            }
            assertThatThrownBy(() -> Stores.open(database.url()).close()).isInstanceOf(StoreException.class)
                    .hasMessageContaining("rolled back");
        }
    }

    private static void firstBatch(LedgerStateMachine machine) {
        machine.createAccounts(List.of(account(HOLDER, AccountFlags.HISTORY), account(PAYER, 0), account(PAYEE, 0)));
        assertThat(machine.createTransfers(List.of(
                transfer(10, PAYER, HOLDER, 1_000),
                transfer(RESERVATION, HOLDER, PAYEE, 100).withFlags(TransferFlags.PENDING),
                transfer(12, PAYER, UNKNOWN, 1))))
                .containsExactly(CreateTransferResult.OK, CreateTransferResult.OK,
                        CreateTransferResult.CREDIT_ACCOUNT_NOT_FOUND);
    }

    private static void secondBatch(LedgerStateMachine machine) {
        machine.createAccounts(List.of(account(LATE, 0)));
        Transfer post = new Transfer(id(21), Id128.ZERO, Id128.ZERO, 0, id(RESERVATION), Id128.ZERO, 0, 0, 0,
                TransferFlags.POST_PENDING, 0);
        assertThat(machine.createTransfers(List.of(
                transfer(LATE_PAYMENT, PAYER, LATE, 50),
                post,
                transfer(22, HOLDER, UNKNOWN, 1))))
                .containsExactly(CreateTransferResult.OK, CreateTransferResult.OK,
                        CreateTransferResult.CREDIT_ACCOUNT_NOT_FOUND);
    }

    /** The batch with a row of the earlier batch appended, so the database refuses it as a duplicate. */
    private static LedgerChanges withDuplicate(LedgerChanges batch, LedgerChanges earlier, Duplicate duplicate) {
        var accounts = new ArrayList<>(batch.accountsCreated());
        var failures = new ArrayList<>(batch.transfersFailed());
        switch (duplicate) {
            case ACCOUNT -> accounts.add(earlier.accountsCreated().getFirst());
            case FAILURE -> failures.add(earlier.transfersFailed().getFirst());
        }
        return new LedgerChanges(accounts, batch.accountsUpdated(), batch.transfersCreated(),
                batch.pendingResolutions(), failures, batch.balanceHistory(), batch.lastTimestamp());
    }

    private static LedgerStateMachine restored(LedgerStore store) {
        LedgerStateMachine machine = new LedgerStateMachine();
        store.restore(machine);
        return machine;
    }
}
