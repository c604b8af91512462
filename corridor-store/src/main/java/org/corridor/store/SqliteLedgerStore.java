package org.corridor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.corridor.core.Check;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountBalance;
import org.corridor.core.ledger.FailedTransfer;
import org.corridor.core.ledger.LedgerChanges;
import org.corridor.core.ledger.PendingResolution;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;
import org.corridor.store.records.RecordRows;

/**
 * The ledger on SQLite, the embedded default. A batch is durable once appended to the batch log (a file
 * of its own, WAL, {@code synchronous=FULL}); the projector then writes batches into the tables through
 * the database's one writer connection, as prepared statements in JDBC batches between
 * {@code BEGIN IMMEDIATE} and {@code COMMIT}.
 *
 * <p>{@link #commit} is for the single writer thread only; the lookups may be called from any thread and
 * read through the pool.
 */
public final class SqliteLedgerStore extends JdbcLedgerStore {
    private static final String INSERT_ACCOUNT = LedgerRows.insert("accounts", LedgerRows.ACCOUNT_COLUMNS);
    private static final String INSERT_TRANSFER = LedgerRows.insert("transfers", LedgerRows.TRANSFER_COLUMNS);
    private static final String INSERT_PENDING = "INSERT INTO pending_transfers (id_high, id_low, status)"
            + " VALUES (?, ?, '" + PendingStatus.PENDING.name() + "')";
    private static final String UPDATE_PENDING = "UPDATE pending_transfers SET status = ?"
            + " WHERE id_high = ? AND id_low = ? AND status = '" + PendingStatus.PENDING.name() + "'";
    private static final String UPDATE_ACCOUNT = "UPDATE accounts SET flags = ?, debits_pending = ?,"
            + " debits_posted = ?, credits_pending = ?, credits_posted = ? WHERE id_high = ? AND id_low = ?";
    private static final String INSERT_FAILURE = LedgerRows.insert("transfer_failures", LedgerRows.FAILURE_COLUMNS);
    private static final String INSERT_BALANCE = LedgerRows.insert("account_balances", LedgerRows.BALANCE_COLUMNS);
    private static final String UPDATE_CLOCK = "UPDATE ledger_clock SET last_timestamp = ? WHERE id = 1";
    private static final String UPDATE_PROJECTION = "UPDATE ledger_projection SET sequence = ? WHERE id = 1";

    private final Connection writer;
    private final Statement transactions;
    private final PreparedStatement insertAccount;
    private final PreparedStatement insertTransfer;
    private final PreparedStatement insertPending;
    private final PreparedStatement updatePending;
    private final PreparedStatement updateAccount;
    private final PreparedStatement insertFailure;
    private final PreparedStatement insertBalance;
    private final PreparedStatement updateClock;
    private final PreparedStatement updateProjection;

    /** A store over an open SQLite database, which it owns: closing the store closes the database. */
    public SqliteLedgerStore(Database database) {
        super(database, DatabaseKind.SQLITE);
        this.writer = database.sqliteWriter();
        try {
            transactions = writer.createStatement();
            insertAccount = writer.prepareStatement(INSERT_ACCOUNT);
            insertTransfer = writer.prepareStatement(INSERT_TRANSFER);
            insertPending = writer.prepareStatement(INSERT_PENDING);
            updatePending = writer.prepareStatement(UPDATE_PENDING);
            updateAccount = writer.prepareStatement(UPDATE_ACCOUNT);
            insertFailure = writer.prepareStatement(INSERT_FAILURE);
            insertBalance = writer.prepareStatement(INSERT_BALANCE);
            updateClock = writer.prepareStatement(UPDATE_CLOCK);
            updateProjection = writer.prepareStatement(UPDATE_PROJECTION);
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the SQLite ledger statements on " + database, e);
        }
        openBatchLog(new SqliteBatchLog(database.sqliteUrl()));
    }

    @Override
    void project(LoggedBatch batch, long throughSequence) {
        boolean open = false;
        try {
            transactions.execute("BEGIN IMMEDIATE");
            open = true;
            writeBatch(batch.ledger());
            RecordRows.write(writer, batch.records());
            updateProjection.setLong(1, throughSequence);
            Check.that(updateProjection.executeUpdate() == 1, "the ledger_projection row is missing");
            transactions.execute("COMMIT");
            open = false;
        } catch (SQLException e) {
            rollback(open, e);
            throw new StoreException("writing batches through " + throughSequence + " into the SQLite tables failed"
                    + " and was rolled back: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback(open, e);
            throw e;
        }
    }

    private void writeBatch(LedgerChanges changes) throws SQLException {
        for (Account account : changes.accountsCreated()) {
            LedgerRows.bindAccount(insertAccount, account);
            insertAccount.addBatch();
        }
        execute(insertAccount, changes.accountsCreated().size(), "account insert");
        int pending = 0;
        for (Transfer transfer : changes.transfersCreated()) {
            LedgerRows.bindTransfer(insertTransfer, transfer);
            insertTransfer.addBatch();
            if (transfer.has(TransferFlags.PENDING)) {
                insertPending.setLong(1, transfer.id().high());
                insertPending.setLong(2, transfer.id().low());
                insertPending.addBatch();
                pending++;
            }
        }
        execute(insertTransfer, changes.transfersCreated().size(), "transfer insert");
        execute(insertPending, pending, "pending transfer insert");
        for (PendingResolution resolution : changes.pendingResolutions()) {
            updatePending.setString(1, resolution.status().name());
            bindId(updatePending, 2, resolution.pendingId());
            updatePending.addBatch();
        }
        execute(updatePending, changes.pendingResolutions().size(), "pending status update");
        for (Account account : LedgerRows.inKeyOrder(changes.accountsUpdated())) {
            updateAccount.setInt(1, account.flags());
            updateAccount.setLong(2, account.debitsPending());
            updateAccount.setLong(3, account.debitsPosted());
            updateAccount.setLong(4, account.creditsPending());
            updateAccount.setLong(5, account.creditsPosted());
            bindId(updateAccount, 6, account.id());
            updateAccount.addBatch();
        }
        execute(updateAccount, changes.accountsUpdated().size(), "account update");
        for (FailedTransfer failure : changes.transfersFailed()) {
            int next = LedgerRows.bindTransfer(insertFailure, failure.transfer());
            insertFailure.setString(next, failure.result().name());
            insertFailure.addBatch();
        }
        execute(insertFailure, changes.transfersFailed().size(), "failure insert");
        for (AccountBalance balance : changes.balanceHistory()) {
            LedgerRows.bindBalance(insertBalance, balance);
            insertBalance.addBatch();
        }
        execute(insertBalance, changes.balanceHistory().size(), "balance history insert");
        updateClock.setLong(1, changes.lastTimestamp());
        Check.that(updateClock.executeUpdate() == 1, "the ledger clock row is missing");
    }

    /** Runs a batch of {@code rows} statements and checks that each wrote exactly one row. */
    private static void execute(PreparedStatement statement, int rows, String what) throws SQLException {
        if (rows == 0) {
            return;
        }
        int[] counts = statement.executeBatch();
        Check.that(counts.length == rows, what + ": " + counts.length + " results for " + rows + " rows");
        for (int count : counts) {
            Check.that(count == 1, what + " wrote " + count + " rows, not 1");
        }
    }

    private static void bindId(PreparedStatement statement, int first, Id128 id) throws SQLException {
        statement.setLong(first, id.high());
        statement.setLong(first + 1, id.low());
    }

    private void rollback(boolean open, Exception failure) {
        clearBatches(failure);
        if (!open) {
            return;
        }
        try {
            transactions.execute("ROLLBACK");
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** Drops rows a failed commit left queued, so they cannot leak into the next one. */
    private void clearBatches(Exception failure) {
        for (PreparedStatement statement : List.of(insertAccount, insertTransfer, insertPending, updatePending,
                updateAccount, insertFailure, insertBalance)) {
            try {
                statement.clearBatch();
            } catch (SQLException clearFailure) {
                failure.addSuppressed(clearFailure);
            }
        }
    }
}
