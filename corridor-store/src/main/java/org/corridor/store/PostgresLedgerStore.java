package org.corridor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.corridor.core.Check;
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
 * The ledger on PostgreSQL. A batch is durable once its row is in {@code batch_log}; the projector then
 * writes batches into the tables. A projection is one transaction of a few round trips, whatever its size: new rows
 * go in by binary {@code COPY}, and the touched accounts and resolved pending transfers are updated by
 * one statement each that joins the table to arrays of new values ({@code unnest}). The commit returns
 * once the server has flushed its WAL ({@code synchronous_commit=on}, set on every pooled connection).
 *
 * <p>{@link #commit} is for the single writer thread only; the lookups may be called from any thread.
 */
public final class PostgresLedgerStore extends JdbcLedgerStore {
    private static final int ACCOUNT_ROW_BYTES = 2 + 12 * 4 + 9 * 8 + 3 * 4;
    private static final int TRANSFER_ROW_BYTES = 2 + 16 * 4 + 12 * 8 + 4 * 4;
    private static final int PENDING_ROW_BYTES = 2 + 3 * 4 + 2 * 8 + 7;
    private static final int FAILURE_ROW_BYTES = TRANSFER_ROW_BYTES + 4 + 32;
    private static final int BALANCE_ROW_BYTES = 2 + 8 * 4 + 7 * 8 + 1;

    private static final String UPDATE_PENDING = "UPDATE pending_transfers AS p SET status = v.status"
            + " FROM unnest(?::bigint[], ?::bigint[], ?::text[]) AS v (id_high, id_low, status)"
            + " WHERE p.id_high = v.id_high AND p.id_low = v.id_low AND p.status = '" + PendingStatus.PENDING.name()
            + "'";
    private static final String UPDATE_ACCOUNTS = "UPDATE accounts AS a SET flags = v.flags,"
            + " debits_pending = v.debits_pending, debits_posted = v.debits_posted,"
            + " credits_pending = v.credits_pending, credits_posted = v.credits_posted"
            + " FROM unnest(?::bigint[], ?::bigint[], ?::integer[], ?::bigint[], ?::bigint[], ?::bigint[],"
            + " ?::bigint[]) AS v (id_high, id_low, flags, debits_pending, debits_posted, credits_pending,"
            + " credits_posted)"
            + " WHERE a.id_high = v.id_high AND a.id_low = v.id_low";
    private static final String UPDATE_CLOCK = "UPDATE ledger_clock SET last_timestamp = ? WHERE id = 1";
    private static final String UPDATE_PROJECTION = "UPDATE ledger_projection SET sequence = ? WHERE id = 1";
    /** How long one statement of a commit may run before the server cancels it (and the batch fails). */
    static final int COMMIT_STATEMENT_TIMEOUT_MS = 60_000;
    /**
     * Settings for the commit's transaction only. The joins against arrays must probe the primary keys
     * row by row (a nested loop over index scans), whatever the planner estimates: a hash or merge join
     * reads the whole table, a cost that grows with the ledger rather than with the batch.
     */
    private static final String COMMIT_SETTINGS = "SET LOCAL statement_timeout = " + COMMIT_STATEMENT_TIMEOUT_MS
            + "; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off";

    private final DataSource pool;

    /** A store over an open PostgreSQL database, which it owns: closing the store closes the database. */
    public PostgresLedgerStore(Database database) {
        super(database, DatabaseKind.POSTGRESQL);
        this.pool = database.dataSource();
        openBatchLog(new PostgresBatchLog(pool));
    }

    @Override
    void project(LoggedBatch batch, long throughSequence) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                writeBatch(connection, batch.ledger());
                RecordRows.write(connection, batch.records());
                try (PreparedStatement projection = connection.prepareStatement(UPDATE_PROJECTION)) {
                    projection.setLong(1, throughSequence);
                    Check.that(projection.executeUpdate() == 1, "the ledger_projection row is missing");
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("writing batches through " + throughSequence + " into the PostgreSQL tables"
                    + " failed and was rolled back (unless the connection broke during COMMIT itself: the projected"
                    + " sequence then says): " + e.getMessage(), e);
        }
    }

    private static void writeBatch(Connection connection, LedgerChanges changes) throws SQLException {
        try (Statement settings = connection.createStatement()) {
            settings.execute(COMMIT_SETTINGS);
        }
        copyAccounts(connection, changes.accountsCreated());
        copyTransfers(connection, changes.transfersCreated());
        updatePending(connection, changes.pendingResolutions());
        updateAccounts(connection, changes.accountsUpdated());
        copyFailures(connection, changes.transfersFailed());
        copyBalances(connection, changes.balanceHistory());
        try (PreparedStatement clock = connection.prepareStatement(UPDATE_CLOCK)) {
            clock.setLong(1, changes.lastTimestamp());
            Check.that(clock.executeUpdate() == 1, "the ledger clock row is missing");
        }
    }

    private static void copyAccounts(Connection connection, List<Account> accounts) throws SQLException {
        if (accounts.isEmpty()) {
            return;
        }
        var copy = new PgBinaryCopy("accounts", LedgerRows.ACCOUNT_COLUMNS, ACCOUNT_ROW_BYTES, accounts.size());
        for (Account a : accounts) {
            copy.row().id(a.id()).id(a.userData()).integer(a.ledger()).integer(a.code()).integer(a.flags())
                    .bigint(a.debitsPending()).bigint(a.debitsPosted()).bigint(a.creditsPending())
                    .bigint(a.creditsPosted()).bigint(a.timestamp());
        }
        send(connection, copy, "account");
    }

    private static void copyTransfers(Connection connection, List<Transfer> transfers) throws SQLException {
        if (transfers.isEmpty()) {
            return;
        }
        var copy = new PgBinaryCopy("transfers", LedgerRows.TRANSFER_COLUMNS, TRANSFER_ROW_BYTES, transfers.size());
        PgBinaryCopy pending = null;
        for (Transfer t : transfers) {
            transferRow(copy, t);
            if (t.has(TransferFlags.PENDING)) {
                if (pending == null) {
                    pending = new PgBinaryCopy("pending_transfers", LedgerRows.PENDING_COLUMNS, PENDING_ROW_BYTES,
                            transfers.size());
                }
                pending.row().id(t.id()).text(PendingStatus.PENDING.name());
            }
        }
        send(connection, copy, "transfer");
        if (pending != null) {
            send(connection, pending, "pending transfer");
        }
    }

    private static PgBinaryCopy transferRow(PgBinaryCopy copy, Transfer t) {
        return copy.row().id(t.id()).id(t.debitAccountId()).id(t.creditAccountId()).bigint(t.amount())
                .id(t.pendingId()).id(t.userData()).integer(t.timeoutSeconds()).integer(t.ledger()).integer(t.code())
                .integer(t.flags()).bigint(t.timestamp());
    }

    private static void copyFailures(Connection connection, List<FailedTransfer> failures) throws SQLException {
        if (failures.isEmpty()) {
            return;
        }
        var copy = new PgBinaryCopy("transfer_failures", LedgerRows.FAILURE_COLUMNS, FAILURE_ROW_BYTES,
                failures.size());
        for (FailedTransfer failure : failures) {
            transferRow(copy, failure.transfer()).text(failure.result().name());
        }
        send(connection, copy, "failure");
    }

    private static void copyBalances(Connection connection, List<AccountBalance> history) throws SQLException {
        if (history.isEmpty()) {
            return;
        }
        var copy = new PgBinaryCopy("account_balances", LedgerRows.BALANCE_COLUMNS, BALANCE_ROW_BYTES,
                history.size());
        for (AccountBalance b : history) {
            copy.row().id(b.accountId()).bigint(b.timestamp()).bool(b.debited()).bigint(b.debitsPending())
                    .bigint(b.debitsPosted()).bigint(b.creditsPending()).bigint(b.creditsPosted());
        }
        send(connection, copy, "balance history");
    }

    private static void send(Connection connection, PgBinaryCopy copy, String what) throws SQLException {
        long written = copy.send(connection);
        Check.that(written == copy.rows(), what + " COPY wrote " + written + " of " + copy.rows() + " rows");
    }

    private static void updatePending(Connection connection, List<PendingResolution> resolutions)
            throws SQLException {
        if (resolutions.isEmpty()) {
            return;
        }
        int n = resolutions.size();
        long[] highs = new long[n];
        long[] lows = new long[n];
        String[] statuses = new String[n];
        for (int i = 0; i < n; i++) {
            PendingResolution resolution = resolutions.get(i);
            highs[i] = resolution.pendingId().high();
            lows[i] = resolution.pendingId().low();
            statuses[i] = resolution.status().name();
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE_PENDING)) {
            update.setObject(1, highs);
            update.setObject(2, lows);
            update.setArray(3, connection.createArrayOf("text", statuses));
            int updated = update.executeUpdate();
            Check.that(updated == n, "resolved " + updated + " of " + n + " pending transfers");
        }
    }

    private static void updateAccounts(Connection connection, List<Account> touched) throws SQLException {
        if (touched.isEmpty()) {
            return;
        }
        List<Account> accounts = LedgerRows.inKeyOrder(touched);
        int n = accounts.size();
        long[] highs = new long[n];
        long[] lows = new long[n];
        int[] flags = new int[n];
        long[] debitsPending = new long[n];
        long[] debitsPosted = new long[n];
        long[] creditsPending = new long[n];
        long[] creditsPosted = new long[n];
        for (int i = 0; i < n; i++) {
            Account a = accounts.get(i);
            highs[i] = a.id().high();
            lows[i] = a.id().low();
            flags[i] = a.flags();
            debitsPending[i] = a.debitsPending();
            debitsPosted[i] = a.debitsPosted();
            creditsPending[i] = a.creditsPending();
            creditsPosted[i] = a.creditsPosted();
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE_ACCOUNTS)) {
            update.setObject(1, highs);
            update.setObject(2, lows);
            update.setObject(3, flags);
            update.setObject(4, debitsPending);
            update.setObject(5, debitsPosted);
            update.setObject(6, creditsPending);
            update.setObject(7, creditsPosted);
            int updated = update.executeUpdate();
            Check.that(updated == n, "updated " + updated + " of " + n + " accounts");
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
