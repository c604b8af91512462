package org.corridor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountBalance;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.state.SwitchState;
import org.corridor.store.records.RecordRows;

/**
 * The read side of a ledger store, the same SQL on both databases: lookups, an account's pages of
 * transfers and balances, and the restore that streams everything back into a state machine. Every read
 * borrows a pooled connection, never the writer's.
 */
final class LedgerReads {
    /** Rows per round trip while restoring, so a large ledger is streamed rather than loaded at once. */
    static final int RESTORE_ROWS_PER_FETCH = 10_000;

    private static final String TRANSFER_SELECT = LedgerRows.select(LedgerRows.TRANSFER_COLUMNS, "");
    private static final String ACCOUNT_BY_ID = "SELECT " + LedgerRows.select(LedgerRows.ACCOUNT_COLUMNS, "")
            + " FROM accounts WHERE id_high = ? AND id_low = ?";
    private static final String TRANSFER_BY_ID = "SELECT " + TRANSFER_SELECT
            + " FROM transfers WHERE id_high = ? AND id_low = ?";
    private static final String PENDING_STATUS_BY_ID = "SELECT status FROM pending_transfers"
            + " WHERE id_high = ? AND id_low = ?";
    private static final String ALL_ACCOUNTS = "SELECT " + LedgerRows.select(LedgerRows.ACCOUNT_COLUMNS, "")
            + " FROM accounts";
    private static final String ALL_TRANSFERS_WITH_STATUS = "SELECT "
            + LedgerRows.select(LedgerRows.TRANSFER_COLUMNS, "t.") + ", p.status FROM transfers t"
            + " LEFT JOIN pending_transfers p ON p.id_high = t.id_high AND p.id_low = t.id_low"
            + " ORDER BY t.timestamp";
    private static final String ALL_FAILURES = "SELECT " + LedgerRows.select(LedgerRows.FAILURE_COLUMNS, "")
            + " FROM transfer_failures";
    private static final String LAST_TIMESTAMP = "SELECT last_timestamp FROM ledger_clock WHERE id = 1";
    private static final String TRANSFER_COUNT = "SELECT count(*) FROM transfers";

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private final DataSource readers;
    private final DatabaseKind kind;

    LedgerReads(DataSource readers, DatabaseKind kind) {
        this.readers = readers;
        this.kind = kind;
    }

    // ---------------------------------------------------------------------------------------------------
    // Restore

    /** Streams accounts, then transfers in timestamp order with their statuses, failures and the clock. */
    void restore(LedgerStateMachine machine) {
        try (Connection connection = readers.getConnection()) {
            connection.setAutoCommit(false);
            if (kind == DatabaseKind.POSTGRESQL) {
                // One snapshot for all four reads; a cursor (fetch size) needs a transaction anyway.
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
            }
            try {
                stream(connection, ALL_ACCOUNTS, row -> machine.restoreAccount(LedgerRows.account(row, 1)));
                int statusColumn = LedgerRows.TRANSFER_COLUMNS.size() + 1;
                stream(connection, ALL_TRANSFERS_WITH_STATUS, row -> {
                    Transfer transfer = LedgerRows.transfer(row, 1);
                    machine.restoreTransfer(transfer,
                            LedgerRows.pendingStatus(row.getString(statusColumn), transfer.id()));
                });
                stream(connection, ALL_FAILURES, row -> machine.restoreFailure(LedgerRows.failure(row, 1)));
                stream(connection, LAST_TIMESTAMP, row -> machine.restoreLastTimestamp(row.getLong(1)));
                connection.commit();
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot restore the ledger from " + kind.label(), e);
        }
    }

    /** Loads every committed object into {@code state}, in one snapshot. */
    void restoreRecords(SwitchState state) {
        try (Connection connection = readers.getConnection()) {
            connection.setAutoCommit(false);
            try {
                RecordRows.restore(connection, state);
                connection.commit();
            } finally {
                if (!connection.getAutoCommit()) connection.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot restore the switch's objects from " + kind.label(), e);
        }
    }

    private interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    private static void stream(Connection connection, String sql, RowConsumer consumer) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(RESTORE_ROWS_PER_FETCH);
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Lookups

    Optional<Account> lookupAccount(Id128 id) {
        return first(ACCOUNT_BY_ID, byId(id), row -> LedgerRows.account(row, 1));
    }

    Optional<Transfer> lookupTransfer(Id128 id) {
        return first(TRANSFER_BY_ID, byId(id), row -> LedgerRows.transfer(row, 1));
    }

    Optional<PendingStatus> lookupPendingStatus(Id128 id) {
        return first(PENDING_STATUS_BY_ID, byId(id), row -> LedgerRows.pendingStatus(row.getString(1), id));
    }

    long transferCount() {
        return first(TRANSFER_COUNT, statement -> {}, row -> row.getLong(1)).orElseThrow();
    }

    private static Binder byId(Id128 id) {
        return statement -> {
            statement.setLong(1, id.high());
            statement.setLong(2, id.low());
        };
    }

    // ---------------------------------------------------------------------------------------------------
    // Pages

    /**
     * One page of an account's transfers. With both sides asked for, each side is read through its own
     * index (limited to the page) and the two are merged; no transfer has one account on both sides.
     */
    List<Transfer> accountTransfers(AccountFilter filter) {
        String order = filter.reversed() ? " DESC" : " ASC";
        String sql;
        if (filter.debits() && filter.credits()) {
            sql = "SELECT * FROM (" + oneSide("debit", order) + ") AS debits UNION ALL SELECT * FROM ("
                    + oneSide("credit", order) + ") AS credits ORDER BY timestamp" + order + " LIMIT ?";
        } else {
            sql = oneSide(filter.debits() ? "debit" : "credit", order);
        }
        int sides = filter.debits() && filter.credits() ? 2 : 1;
        return list(sql, statement -> {
            int index = 1;
            for (int side = 0; side < sides; side++) {
                index = bindPage(statement, index, filter);
            }
            if (sides == 2) {
                statement.setInt(index, filter.limit());
            }
        }, row -> LedgerRows.transfer(row, 1));
    }

    private static String oneSide(String side, String order) {
        return "SELECT " + TRANSFER_SELECT + " FROM transfers WHERE " + side + "_account_id_high = ? AND " + side
                + "_account_id_low = ? AND timestamp >= ? AND timestamp <= ? ORDER BY timestamp" + order + " LIMIT ?";
    }

    /** One page of an account's balance history, filtered by the side the account was on. */
    List<AccountBalance> accountBalances(AccountFilter filter) {
        String sides = filter.debits() && filter.credits() ? "" : " AND debited = ?";
        String sql = "SELECT " + LedgerRows.select(LedgerRows.BALANCE_COLUMNS, "") + " FROM account_balances"
                + " WHERE account_id_high = ? AND account_id_low = ? AND timestamp >= ? AND timestamp <= ?" + sides
                + " ORDER BY timestamp" + (filter.reversed() ? " DESC" : " ASC") + " LIMIT ?";
        return list(sql, statement -> {
            statement.setLong(1, filter.accountId().high());
            statement.setLong(2, filter.accountId().low());
            statement.setLong(3, filter.timestampMin());
            statement.setLong(4, timestampMax(filter));
            int index = 5;
            if (!sides.isEmpty()) {
                statement.setBoolean(index++, filter.debits());
            }
            statement.setInt(index, filter.limit());
        }, row -> LedgerRows.balance(row, 1));
    }

    /** Binds account id, timestamp bounds and limit from {@code index} on; returns the next free index. */
    private static int bindPage(PreparedStatement statement, int index, AccountFilter filter) throws SQLException {
        statement.setLong(index, filter.accountId().high());
        statement.setLong(index + 1, filter.accountId().low());
        statement.setLong(index + 2, filter.timestampMin());
        statement.setLong(index + 3, timestampMax(filter));
        statement.setInt(index + 4, filter.limit());
        return index + 5;
    }

    private static long timestampMax(AccountFilter filter) {
        return filter.timestampMax() == 0 ? Long.MAX_VALUE : filter.timestampMax();
    }

    // ---------------------------------------------------------------------------------------------------

    private <T> Optional<T> first(String sql, Binder binder, RowReader<T> reader) {
        List<T> rows = list(sql, binder, reader);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    private <T> List<T> list(String sql, Binder binder, RowReader<T> reader) {
        try (Connection connection = readers.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("cannot read the ledger from " + kind.label(), e);
        }
    }
}
