package org.corridor.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens SQLite connections the way the ledger needs them: WAL journal, every commit synced to disk
 * ({@code synchronous=FULL}), a bounded wait for the lock. One dedicated connection writes; a small pool
 * reads (WAL lets readers run beside the writer, each on its own snapshot).
 */
final class SqliteConnections {
    /** Read connections (lookups, statements, restore); the writer has its own. */
    static final int READ_POOL_CONNECTIONS_MAX = 4;
    /** How long a connection waits for another one's lock before failing with SQLITE_BUSY. */
    static final int BUSY_TIMEOUT_MS = 5_000;
    /** The writer's page cache: large enough to keep the indexes' upper levels hot. */
    static final int WRITER_CACHE_KIBIBYTES = 65_536;
    /**
     * WAL pages after which a commit also checkpoints into the database file. Larger than SQLite's 1,000
     * so that big batches do not pay for a checkpoint (and its second fsync) on nearly every commit.
     */
    static final int WAL_AUTOCHECKPOINT_PAGES = 10_000;

    private SqliteConnections() {}

    /** Creates the directories above the database file, so a first start needs no setup. */
    static void createParentDirectories(String jdbcUrl) {
        Path parent = JdbcUrls.sqliteFile(jdbcUrl).toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("cannot create the directory " + parent + " for SQLite database '"
                    + JdbcUrls.redact(jdbcUrl) + "'", e);
        }
    }

    /** The pool of read connections; also the {@link javax.sql.DataSource} other code may use. */
    static HikariDataSource readPool(String jdbcUrl) {
        var config = PoolBounds.bounded("corridor-sqlite", READ_POOL_CONNECTIONS_MAX);
        config.setDataSource(dataSource(jdbcUrl, baseConfig()));
        return new HikariDataSource(config);
    }

    /**
     * The one connection that writes. It stays in auto-commit mode: the store brackets each batch with
     * {@code BEGIN IMMEDIATE} and {@code COMMIT} itself, so the write lock is held only during a commit
     * (the driver's own transactions would begin the next one, and take the lock, right after each commit).
     */
    static Connection writer(String jdbcUrl) throws SQLException {
        SQLiteConfig config = baseConfig();
        config.setCacheSize(-WRITER_CACHE_KIBIBYTES);
        config.setWalAutocheckpoint(WAL_AUTOCHECKPOINT_PAGES);
        return dataSource(jdbcUrl, config).getConnection();
    }

    /** The connection that appends to a ledger's batch log: WAL, every append synced, auto-commit. */
    static Connection batchLog(String jdbcUrl) throws SQLException {
        return dataSource(jdbcUrl, baseConfig()).getConnection();
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // The writer applies batches a state machine has already checked; foreign keys would only cost.
        config.enforceForeignKeys(false);
        config.setGetGeneratedKeys(false);
        return config;
    }

    private static SQLiteDataSource dataSource(String jdbcUrl, SQLiteConfig config) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(jdbcUrl);
        return dataSource;
    }
}
