package org.corridor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.store.LedgerFixtures.NANOS_PER_SECOND;
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
import org.corridor.core.Id128;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.CreateAccountResult;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.FailedTransfer;
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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything a state machine committed comes back, equal, into a fresh machine restored from a reopened
 * store: accounts with balances and flags, transfers, pending statuses, burnt ids and the clock.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LedgerRoundTripTest {
    private static final long WALLET = 1;
    private static final long FUNDING = 2;
    private static final long MERCHANT = 3;
    private static final long LIMITED = 4;
    private static final long CLOSABLE = 5;
    private static final long LATE = 6;
    private static final long UNKNOWN = 99;

    @ParameterizedTest
    @MethodSource("org.corridor.store.testing.TestStores#kinds")
    void restoresEverythingCommitted(String kind, @TempDir Path directory) {
        LedgerStateMachine machine = new LedgerStateMachine();
        List<FailedTransfer> failures = new ArrayList<>();
        try (TestDatabase database = TestStores.database(kind, directory)) {
            try (LedgerStore store = Stores.open(database.url())) {
                LedgerChanges first = batch(machine, START_NANOS, () -> firstBatch(machine));
                failures.addAll(first.transfersFailed());
                store.commit(first);
                // Two seconds on, the one-second reservation expires as the batch opens.
                LedgerChanges second = batch(machine, START_NANOS + 2 * NANOS_PER_SECOND, () -> secondBatch(machine));
                assertThat(second.pendingResolutions()).extracting(r -> r.status()).contains(PendingStatus.EXPIRED);
                failures.addAll(second.transfersFailed());
                store.commit(second);
            }
            assertThat(failures).hasSize(2);
            assertThat(LedgerAudit.violations(machine)).isEmpty();

            try (LedgerStore reopened = Stores.open(database.url())) {
                LedgerStateMachine restored = new LedgerStateMachine();
                reopened.restore(restored);

                assertThat(accountsById(restored)).isEqualTo(accountsById(machine));
                assertThat(transfersById(restored)).isEqualTo(transfersById(machine));
                for (Transfer transfer : machine.transfers()) {
                    assertThat(restored.pendingStatus(transfer.id())).as("status of %s", transfer.id())
                            .isEqualTo(machine.pendingStatus(transfer.id()));
                }
                assertThat(restored.lastTimestamp()).isEqualTo(machine.lastTimestamp());
                assertThat(LedgerAudit.violations(restored)).isEmpty();
                assertLookups(reopened, machine);
                assertIdsStayBurnt(restored, failures);
            }
        }
    }

    private static void firstBatch(LedgerStateMachine machine) {
        assertThat(machine.createAccounts(List.of(
                account(WALLET, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS | AccountFlags.HISTORY),
                account(FUNDING, 0),
                account(MERCHANT, AccountFlags.HISTORY),
                account(LIMITED, AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS),
                account(CLOSABLE, 0))))
                .containsOnly(CreateAccountResult.OK);
        List<CreateTransferResult> results = machine.createTransfers(List.of(
                transfer(10, FUNDING, WALLET, 10_000),
                // Reservations: one without timeout, one expiring after a second, one to void.
                transfer(11, WALLET, MERCHANT, 3_000).withFlags(TransferFlags.PENDING),
                transfer(12, WALLET, MERCHANT, 2_000).withFlags(TransferFlags.PENDING).withTimeoutSeconds(1),
                transfer(13, WALLET, MERCHANT, 1_000).withFlags(TransferFlags.PENDING),
                post(14, 11, 2_500),
                voidPending(15, 13),
                // Burns its id: the wallet's credits do not cover it.
                transfer(16, WALLET, MERCHANT, 1_000_000),
                // A linked chain that fails on a check of the command alone: nothing applied, nothing burnt.
                transfer(17, FUNDING, MERCHANT, 10).withFlags(TransferFlags.LINKED),
                transfer(18, FUNDING, MERCHANT, 0),
                // A linked chain that succeeds.
                transfer(19, FUNDING, MERCHANT, 7).withFlags(TransferFlags.LINKED),
                transfer(20, MERCHANT, FUNDING, 3),
                // Takes what the wallet has left after its reservations.
                transfer(21, WALLET, FUNDING, 1_000_000).withFlags(TransferFlags.BALANCING_DEBIT),
                // Closes the account while the reservation stands.
                transfer(22, FUNDING, CLOSABLE, 5).withFlags(TransferFlags.PENDING | TransferFlags.CLOSING_CREDIT)));
        assertThat(results).containsExactly(CreateTransferResult.OK, CreateTransferResult.OK,
                CreateTransferResult.OK, CreateTransferResult.OK, CreateTransferResult.OK, CreateTransferResult.OK,
                CreateTransferResult.EXCEEDS_CREDITS, CreateTransferResult.LINKED_EVENT_FAILED,
                CreateTransferResult.AMOUNT_MUST_NOT_BE_ZERO, CreateTransferResult.OK, CreateTransferResult.OK,
                CreateTransferResult.OK, CreateTransferResult.OK);
    }

    private static void secondBatch(LedgerStateMachine machine) {
        assertThat(machine.createAccounts(List.of(account(LATE, 0)))).containsOnly(CreateAccountResult.OK);
        assertThat(machine.createTransfers(List.of(
                transfer(30, FUNDING, LATE, 40),
                transfer(31, FUNDING, UNKNOWN, 1),
                transfer(32, LIMITED, FUNDING, 9))))
                .containsExactly(CreateTransferResult.OK, CreateTransferResult.CREDIT_ACCOUNT_NOT_FOUND,
                        CreateTransferResult.OK);
    }

    private static Transfer post(long n, long pending, long amount) {
        return new Transfer(id(n), Id128.ZERO, Id128.ZERO, amount, id(pending), Id128.ZERO, 0, 0, 0,
                TransferFlags.POST_PENDING, 0);
    }

    private static Transfer voidPending(long n, long pending) {
        return new Transfer(id(n), Id128.ZERO, Id128.ZERO, 0, id(pending), Id128.ZERO, 0, 0, 0,
                TransferFlags.VOID_PENDING, 0);
    }

    private static void assertLookups(LedgerStore store, LedgerStateMachine machine) {
        for (var account : machine.accounts()) {
            assertThat(store.lookupAccount(account.id())).contains(account);
        }
        for (Transfer transfer : machine.transfers()) {
            assertThat(store.lookupTransfer(transfer.id())).contains(transfer);
            assertThat(store.lookupPendingStatus(transfer.id())).isEqualTo(machine.pendingStatus(transfer.id()));
        }
        assertThat(store.lookupPendingStatus(id(12))).contains(PendingStatus.EXPIRED);
        assertThat(store.lookupPendingStatus(id(10))).isEmpty();
        assertThat(store.lookupAccount(id(UNKNOWN))).isEmpty();
        assertThat(store.lookupTransfer(id(16))).as("a burnt id is no transfer").isEmpty();
        assertThat(store.transferCount()).isEqualTo(machine.transferCount());
    }

    /** A burnt id answers as it did; the same id with other fields is refused. */
    private static void assertIdsStayBurnt(LedgerStateMachine restored, List<FailedTransfer> failures) {
        restored.beginBatch(restored.lastTimestamp() + 1);
        for (FailedTransfer failure : failures) {
            assertThat(restored.createTransfers(List.of(failure.transfer()))).containsExactly(failure.result());
            Transfer changed = failure.transfer().withUserData(new Id128(1, 1));
            assertThat(restored.createTransfers(List.of(changed)))
                    .containsExactly(CreateTransferResult.ID_ALREADY_FAILED);
        }
        assertThat(restored.drainChanges().isEmpty()).isTrue();
    }
}
