package org.corridor.app.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The baseline the engine is measured against: what a typical service does. One database transaction per
 * transfer: lock both account rows ({@code SELECT ... FOR UPDATE} on PostgreSQL, {@code BEGIN IMMEDIATE}
 * on SQLite), check the balance, insert the transfer, update both balances, commit. Same store, same
 * durability settings, same clients.
 */
final class NaiveLedger implements AutoCloseable {
    /** A typical service's pool on a 2-core PostgreSQL. */
    static final int POSTGRES_POOL_CONNECTIONS_MAX = 16;
    /** SQLite admits one writer at a time; more connections would only take turns at the file lock. */
    static final int SQLITE_POOL_CONNECTIONS_MAX = 1;
    static final long POOL_CONNECTION_TIMEOUT_MS = 60_000;
    static final int SQLITE_BUSY_TIMEOUT_MS = 60_000;

    private final HikariDataSource pool;
    private final boolean postgres;

    NaiveLedger(String jdbcUrl) {
        postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        HikariConfig config = new HikariConfig();
        if (postgres) {
            config.setJdbcUrl(jdbcUrl);
            config.setMaximumPoolSize(POSTGRES_POOL_CONNECTIONS_MAX);
        } else {
            config.setJdbcUrl(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "journal_mode=WAL&synchronous=FULL"
                    + "&transaction_mode=IMMEDIATE&busy_timeout=" + SQLITE_BUSY_TIMEOUT_MS);
            config.setMaximumPoolSize(SQLITE_POOL_CONNECTIONS_MAX);
        }
        config.setMinimumIdle(1);
        config.setConnectionTimeout(POOL_CONNECTION_TIMEOUT_MS);
        config.setAutoCommit(false);
        config.setPoolName("naive-baseline");
        pool = new HikariDataSource(config);
    }

    /** Creates the baseline tables and funds every account as the engine's accounts are funded. */
    void open(int accounts, long openingBalance) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS baseline_transfers");
            ddl.execute("DROP TABLE IF EXISTS baseline_accounts");
            ddl.execute("CREATE TABLE baseline_accounts (id BIGINT PRIMARY KEY, debits_posted BIGINT NOT NULL, "
                    + "credits_posted BIGINT NOT NULL)");
            ddl.execute("CREATE TABLE baseline_transfers (id BIGINT PRIMARY KEY, debit_account_id BIGINT NOT NULL, "
                    + "credit_account_id BIGINT NOT NULL, amount BIGINT NOT NULL)");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO baseline_accounts (id, debits_posted, credits_posted) VALUES (?, 0, ?)")) {
                for (int account = 1; account <= accounts; account++) {
                    insert.setLong(1, account);
                    insert.setLong(2, openingBalance);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    /** One transfer, one transaction; false when the debit account lacks funds. */
    boolean transfer(long id, int debitAccount, int creditAccount, long amount) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            try {
                boolean applied = transferIn(connection, id, debitAccount, creditAccount, amount);
                connection.commit();
                return applied;
            } catch (SQLException failure) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    failure.addSuppressed(rollbackFailure);
                }
                throw failure;
            }
        }
    }

    private boolean transferIn(Connection connection, long id, int debitAccount, int creditAccount, long amount)
            throws SQLException {
        long debitsPosted = -1;
        long creditsPosted = -1;
        // Lock in id order so two opposite transfers cannot deadlock.
        String lock = "SELECT id, debits_posted, credits_posted FROM baseline_accounts WHERE id IN (?, ?) ORDER BY id"
                + (postgres ? " FOR UPDATE" : "");
        try (PreparedStatement select = connection.prepareStatement(lock)) {
            select.setLong(1, debitAccount);
            select.setLong(2, creditAccount);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getLong(1) == debitAccount) {
                        debitsPosted = rows.getLong(2);
                        creditsPosted = rows.getLong(3);
                    }
                }
            }
        }
        if (debitsPosted < 0 || debitsPosted + amount > creditsPosted) return false;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO baseline_transfers (id, debit_account_id, credit_account_id, amount) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, debitAccount);
            insert.setLong(3, creditAccount);
            insert.setLong(4, amount);
            insert.executeUpdate();
        }
        try (PreparedStatement debit = connection.prepareStatement(
                "UPDATE baseline_accounts SET debits_posted = debits_posted + ? WHERE id = ?");
                PreparedStatement credit = connection.prepareStatement(
                        "UPDATE baseline_accounts SET credits_posted = credits_posted + ? WHERE id = ?")) {
            debit.setLong(1, amount);
            debit.setLong(2, debitAccount);
            debit.executeUpdate();
            credit.setLong(1, amount);
            credit.setLong(2, creditAccount);
            credit.executeUpdate();
        }
        return true;
    }

    @Override
    public void close() {
        pool.close();
    }
}
