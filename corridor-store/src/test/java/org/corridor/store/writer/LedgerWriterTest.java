package org.corridor.store.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.corridor.core.Id128;
import org.corridor.core.InvariantViolation;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.CreateAccountResult;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.Transfer;
import org.corridor.store.LedgerStore;
import org.corridor.store.Stores;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single writer's promises: acknowledge only what is durable, fail-stop and rebuild, push back. */
class LedgerWriterTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-28T00:00:00Z"));
    private static final int LEDGER = 840;
    private static final Id128 ALICE = Id128.of(1);
    private static final Id128 BOB = Id128.of(2);

    @TempDir
    Path directory;

    private static List<Account> twoAccounts() {
        return List.of(Account.open(ALICE, LEDGER, 1, 0, Id128.ZERO), Account.open(BOB, LEDGER, 1, 0, Id128.ZERO));
    }

    private static Transfer payment(long id, long amount) {
        return Transfer.of(Id128.of(id), ALICE, BOB, amount, LEDGER, 1);
    }

    @Test
    void answersOnlyAfterTheCommitReturns() throws Exception {
        try (FaultyStore store = new FaultyStore(TestStores.openSqlite(directory));
                LedgerWriter writer = LedgerWriter.start(store, CLOCK)) {
            writer.createAccounts(twoAccounts()).get(30, TimeUnit.SECONDS);
            store.closeGate();
            CompletableFuture<List<CreateTransferResult>> reply = writer.createTransfers(List.of(payment(10, 5)));
            assertThat(store.awaitCommitAtGate()).isTrue();
            Thread.sleep(200);
            assertThat(reply).as("no answer while the commit is in flight").isNotDone();
            assertThat(store.lookupTransfer(Id128.of(10))).isEmpty();
            store.openGate();
            assertThat(reply.get(30, TimeUnit.SECONDS)).containsExactly(CreateTransferResult.OK);
            assertThat(store.lookupTransfer(Id128.of(10))).isPresent();
        }
    }

    @Test
    void aFailedCommitFailsItsCallersAndLeavesNoTraceInMemory() throws Exception {
        try (FaultyStore store = new FaultyStore(TestStores.openSqlite(directory));
                LedgerWriter writer = LedgerWriter.start(store, CLOCK)) {
            writer.createAccounts(twoAccounts()).get(30, TimeUnit.SECONDS);
            store.failNextCommits(1);
            CompletableFuture<List<CreateTransferResult>> lost = writer.createTransfers(List.of(payment(10, 5)));
            assertThatThrownBy(() -> lost.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(LedgerUnavailableException.class);
            // The writer rebuilt from the store: the retry is applied afresh, not answered EXISTS from memory.
            assertThat(writer.createTransfers(List.of(payment(10, 5))).get(30, TimeUnit.SECONDS))
                    .containsExactly(CreateTransferResult.OK);
            assertThat(store.lookupAccount(BOB).orElseThrow().creditsPosted()).isEqualTo(5);
        }
    }

    @Test
    void aFullQueuePushesBack() throws Exception {
        try (FaultyStore store = new FaultyStore(TestStores.openSqlite(directory));
                LedgerWriter writer = LedgerWriter.start(store, CLOCK)) {
            writer.createAccounts(twoAccounts()).get(30, TimeUnit.SECONDS);
            store.closeGate();
            List<CompletableFuture<List<CreateTransferResult>>> accepted = new ArrayList<>();
            accepted.add(writer.createTransfers(List.of(payment(1, 1))));
            assertThat(store.awaitCommitAtGate()).isTrue();
            for (int i = 0; i < LedgerWriter.QUEUE_COMMANDS_MAX; i++) {
                accepted.add(writer.createTransfers(List.of(payment(100 + i, 1))));
            }
            assertThatThrownBy(() -> writer.createTransfers(List.of(payment(99, 1))))
                    .isInstanceOf(LedgerOverloadedException.class).hasMessageContaining("overloaded");
            store.openGate();
            for (CompletableFuture<List<CreateTransferResult>> reply : accepted) {
                assertThat(reply.get(60, TimeUnit.SECONDS)).containsExactly(CreateTransferResult.OK);
            }
            assertThat(store.lookupTransfer(Id128.of(99))).isEmpty();
            assertThat(store.lookupAccount(BOB).orElseThrow().creditsPosted())
                    .isEqualTo(LedgerWriter.QUEUE_COMMANDS_MAX + 1);
        }
    }

    @Test
    void badCommandsAreRefusedBeforeTheQueue() {
        try (LedgerStore store = TestStores.openSqlite(directory); LedgerWriter writer = LedgerWriter.start(store, CLOCK)) {
            assertThatThrownBy(() -> writer.createTransfers(List.of())).isInstanceOf(IllegalArgumentException.class);
            List<Transfer> tooMany = Collections.nCopies(LedgerStateMachine.EVENTS_PER_COMMAND_MAX + 1, payment(1, 1));
            assertThatThrownBy(() -> writer.createTransfers(tooMany)).isInstanceOf(IllegalArgumentException.class);
            List<Transfer> withNull = new ArrayList<>();
            withNull.add(null);
            assertThatThrownBy(() -> writer.createTransfers(withNull)).isInstanceOf(NullPointerException.class);
            assertThat(store.transferCount()).isZero();
        }
    }

    @Test
    void badTransfersAreRejectedClearlyAndWriteNothing() throws Exception {
        try (LedgerStore store = TestStores.openSqlite(directory); LedgerWriter writer = LedgerWriter.start(store, CLOCK)) {
            List<Account> accounts = List.of(
                    Account.open(ALICE, LEDGER, 1, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, Id128.ZERO),
                    Account.open(BOB, LEDGER, 1, 0, Id128.ZERO),
                    Account.open(Id128.of(3), 978, 1, 0, Id128.ZERO));
            assertThat(writer.createAccounts(accounts).get(30, TimeUnit.SECONDS)).allMatch(CreateAccountResult::created);
            Account aliceBefore = store.lookupAccount(ALICE).orElseThrow();
            Account bobBefore = store.lookupAccount(BOB).orElseThrow();

            List<CreateTransferResult> results = writer.createTransfers(List.of(
                    Transfer.of(Id128.of(10), BOB, ALICE, 0, LEDGER, 1),
                    Transfer.of(Id128.of(11), BOB, ALICE, -5, LEDGER, 1),
                    Transfer.of(Id128.of(12), BOB, Id128.of(99), 5, LEDGER, 1),
                    Transfer.of(Id128.of(13), BOB, Id128.of(3), 5, LEDGER, 1),
                    Transfer.of(Id128.of(14), ALICE, BOB, 1, LEDGER, 1),
                    Transfer.of(Id128.of(15), BOB, ALICE, Long.MAX_VALUE, LEDGER, 1),
                    Transfer.of(Id128.of(16), BOB, ALICE, Long.MAX_VALUE, LEDGER, 1)))
                    .get(30, TimeUnit.SECONDS);

            assertThat(results).containsExactly(CreateTransferResult.AMOUNT_MUST_NOT_BE_ZERO,
                    CreateTransferResult.AMOUNT_MUST_NOT_BE_NEGATIVE, CreateTransferResult.CREDIT_ACCOUNT_NOT_FOUND,
                    CreateTransferResult.ACCOUNTS_MUST_HAVE_THE_SAME_LEDGER, CreateTransferResult.EXCEEDS_CREDITS,
                    CreateTransferResult.OK, CreateTransferResult.OVERFLOWS_DEBITS_POSTED);
            assertThat(store.transferCount()).as("only the one good transfer is stored").isEqualTo(1);
            for (long rejected : new long[] {10, 11, 12, 13, 14, 16}) {
                assertThat(store.lookupTransfer(Id128.of(rejected))).isEmpty();
            }
            assertThat(store.lookupAccount(ALICE).orElseThrow().creditsPosted())
                    .isEqualTo(aliceBefore.creditsPosted() + Long.MAX_VALUE);
            assertThat(store.lookupAccount(BOB).orElseThrow().debitsPosted())
                    .isEqualTo(bobBefore.debitsPosted() + Long.MAX_VALUE);
        }
    }

    @Test
    void refusesToStartOnALedgerThatFailsItsAudit() throws Exception {
        String url = "jdbc:sqlite:" + directory.resolve("tampered.db");
        try (LedgerStore store = Stores.open(url); LedgerWriter writer = LedgerWriter.start(store, CLOCK)) {
            List<Account> accounts = List.of(
                    Account.open(ALICE, LEDGER, 1, 0, Id128.ZERO),
                    Account.open(BOB, LEDGER, 1, AccountFlags.HISTORY, Id128.ZERO));
            assertThat(writer.createAccounts(accounts).join()).allMatch(CreateAccountResult::created);
            assertThat(writer.createTransfers(List.of(payment(10, 500))).join()).containsExactly(CreateTransferResult.OK);
        }
        try (Connection connection = DriverManager.getConnection(url);
                Statement tamper = connection.createStatement()) {
            tamper.executeUpdate("UPDATE accounts SET credits_posted = credits_posted + 1 WHERE id_low = 2");
        }
        try (LedgerStore store = Stores.open(url)) {
            assertThatThrownBy(() -> LedgerWriter.start(store, CLOCK)).isInstanceOf(InvariantViolation.class)
                    .hasMessageContaining("audit");
        }
    }

    @Test
    void theClosedWriterRefusesNewCommands() {
        LedgerStore store = TestStores.openSqlite(directory);
        LedgerWriter writer = LedgerWriter.start(store, CLOCK);
        writer.close();
        assertThatThrownBy(() -> writer.createAccounts(twoAccounts())).isInstanceOf(LedgerUnavailableException.class);
        store.close();
    }
}
