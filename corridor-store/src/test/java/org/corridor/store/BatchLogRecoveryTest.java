package org.corridor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.store.LedgerFixtures.START_NANOS;
import static org.corridor.store.LedgerFixtures.account;
import static org.corridor.store.LedgerFixtures.batch;
import static org.corridor.store.LedgerFixtures.id;
import static org.corridor.store.LedgerFixtures.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.corridor.core.ledger.LedgerChanges;
import org.corridor.core.ledger.LedgerStateMachine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening an SQLite store writes into the tables what its batch log holds beyond them, and refuses a log
 * that does not continue the tables (a missing batch, or the log of another ledger).
 */
class BatchLogRecoveryTest {
    @TempDir
    Path directory;

    private static List<LedgerChanges> twoBatches() {
        LedgerStateMachine machine = new LedgerStateMachine();
        LedgerChanges first = batch(machine, START_NANOS,
                () -> machine.createAccounts(List.of(account(1, 0), account(2, 0))));
        LedgerChanges second = batch(machine, START_NANOS + 1_000,
                () -> machine.createTransfers(List.of(transfer(10, 1, 2, 40))));
        return List.of(first, second);
    }

    @Test
    void batchesOnlyInTheLogReachTheTablesWhenTheStoreOpens() throws Exception {
        Path ledger = directory.resolve("ledger.db");
        String url = "jdbc:sqlite:" + ledger;
        try (LedgerStore store = Stores.open(url)) {
            twoBatches().forEach(store::commit);
        }
        // The tables lose both batches (as if the process died before writing them); the log keeps them.
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM transfers");
            sql.executeUpdate("DELETE FROM accounts");
            sql.executeUpdate("UPDATE ledger_projection SET sequence = 0");
        }
        try (LedgerStore store = Stores.open(url)) {
            assertThat(store.lookupTransfer(id(10))).isPresent();
            assertThat(store.lookupAccount(id(2)).orElseThrow().creditsPosted()).isEqualTo(40);
        }
        assertThat(Files.exists(Path.of(ledger + "-batches"))).isTrue();
    }

    @Test
    void aLogThatDoesNotContinueTheTablesIsRefused() throws Exception {
        Path ledger = directory.resolve("ledger.db");
        String url = "jdbc:sqlite:" + ledger;
        try (LedgerStore store = Stores.open(url)) {
            twoBatches().forEach(store::commit);
        }
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE ledger_projection SET sequence = 0");
        }
        try (Connection log = DriverManager.getConnection(url + "-batches"); Statement sql = log.createStatement()) {
            sql.executeUpdate("DELETE FROM batch_log WHERE sequence = 1");
        }
        assertThatThrownBy(() -> Stores.open(url).close()).isInstanceOf(StoreException.class)
                .hasMessageContaining("holds batch 2 next").hasMessageContaining("through 0");
    }
}
