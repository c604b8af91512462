package org.corridor.store;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * An open, migrated database: SQLite ({@code jdbc:sqlite:<file>}) or PostgreSQL
 * ({@code jdbc:postgresql://...}).
 *
 * <p>On SQLite it holds one dedicated writer connection (for the ledger store's commits) and a small
 * pool of other connections; on PostgreSQL a bounded HikariCP pool. Opening runs the Flyway migrations.
 * A PostgreSQL URL's {@code currentSchema} parameter is honoured: the schema is created if missing and
 * migrated, and every pooled connection works in it.
 */
public final class Database implements AutoCloseable {
    private final DatabaseKind kind;
    private final String redactedUrl;
    private final HikariDataSource pool;
    private final Connection sqliteWriter;
    private final String sqliteUrl;

    private Database(DatabaseKind kind, String redactedUrl, HikariDataSource pool, Connection sqliteWriter,
            String sqliteUrl) {
        this.kind = kind;
        this.redactedUrl = redactedUrl;
        this.pool = pool;
        this.sqliteWriter = sqliteWriter;
        this.sqliteUrl = sqliteUrl;
    }

    /**
     * Opens and migrates the database a JDBC URL names.
     *
     * @throws IllegalArgumentException when the URL names neither SQLite nor PostgreSQL, or an in-memory SQLite
     * @throws StoreException when the database cannot be reached, created or migrated
     */
    public static Database open(String jdbcUrl) {
        DatabaseKind kind = DatabaseKind.of(jdbcUrl);
        String redacted = JdbcUrls.redact(jdbcUrl);
        return switch (kind) {
            case SQLITE -> openSqlite(jdbcUrl, redacted);
            case POSTGRESQL -> openPostgresql(jdbcUrl, redacted);
        };
    }

    private static Database openSqlite(String jdbcUrl, String redacted) {
        SqliteConnections.createParentDirectories(jdbcUrl);
        HikariDataSource pool = openPool(DatabaseKind.SQLITE, redacted, () -> SqliteConnections.readPool(jdbcUrl));
        try {
            Migrations.migrate(DatabaseKind.SQLITE, pool, null, redacted);
            Connection writer = SqliteConnections.writer(jdbcUrl);
            return new Database(DatabaseKind.SQLITE, redacted, pool, writer, jdbcUrl);
        } catch (SQLException e) {
            pool.close();
            throw new StoreException("cannot open the SQLite writer connection to '" + redacted + "'", e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static Database openPostgresql(String jdbcUrl, String redacted) {
        String schema = JdbcUrls.postgresqlSchema(jdbcUrl);
        HikariDataSource pool = openPool(DatabaseKind.POSTGRESQL, redacted, () -> PostgresPool.open(jdbcUrl));
        try {
            Migrations.migrate(DatabaseKind.POSTGRESQL, pool, schema, redacted);
            return new Database(DatabaseKind.POSTGRESQL, redacted, pool, null, null);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource openPool(DatabaseKind kind, String redacted,
            Supplier<HikariDataSource> opener) {
        try {
            return opener.get();
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StoreException("cannot connect to the " + kind.label() + " database '" + redacted + "': "
                    + cause.getMessage(), e);
        }
    }

    public DatabaseKind kind() {
        return kind;
    }

    /**
     * Pooled connections for other code (the benchmark's baseline, reports). On SQLite these are not the
     * ledger store's writer connection: a write through them waits for (and delays) the store's commits.
     */
    public DataSource dataSource() {
        return pool;
    }

    /** The one connection the SQLite ledger store writes through; null on PostgreSQL. */
    Connection sqliteWriter() {
        return sqliteWriter;
    }

    /** The SQLite file's JDBC URL, where the batch log file goes beside it; null on PostgreSQL. */
    String sqliteUrl() {
        return sqliteUrl;
    }

    /** The URL with any password masked. */
    public String redactedUrl() {
        return redactedUrl;
    }

    @Override
    public String toString() {
        return kind.label() + " " + redactedUrl;
    }

    /** Closes the writer connection (SQLite) and the pool; idempotent. */
    @Override
    public void close() {
        try {
            if (sqliteWriter != null && !sqliteWriter.isClosed()) {
                sqliteWriter.close();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot close the SQLite writer connection to '" + redactedUrl + "'", e);
        } finally {
            pool.close();
        }
    }
}
