package org.corridor.store;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The bounded HikariCP pool for PostgreSQL, with pgjdbc's network timeouts set explicitly. Parameters in
 * the JDBC URL itself take precedence over these.
 */
final class PostgresPool {
    /** Connections to the server: the writer's commit plus concurrent readers. */
    static final int POOL_CONNECTIONS_MAX = 8;
    /** How long opening a TCP connection may take. */
    static final int CONNECT_TIMEOUT_SECONDS = 5;
    /** How long connecting and authenticating may take in all. */
    static final int LOGIN_TIMEOUT_SECONDS = 10;
    /**
     * How long one read from the server may block: generous, because a restore of a large ledger waits
     * for the server to sort the transfers before the first row arrives.
     */
    static final int SOCKET_TIMEOUT_SECONDS = 300;

    private PostgresPool() {}

    static HikariDataSource open(String jdbcUrl) {
        var config = PoolBounds.bounded("corridor-postgresql", POOL_CONNECTIONS_MAX);
        config.setJdbcUrl(jdbcUrl);
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        config.addDataSourceProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "corridor");
        // A commit must be durable when it returns, whatever the server's default says.
        config.setConnectionInitSql("SET synchronous_commit TO on");
        return new HikariDataSource(config);
    }
}
