package org.corridor.store;

import com.zaxxer.hikari.HikariConfig;

/**
 * The explicit limits every HikariCP pool of the store runs with: no library default is relied upon.
 */
final class PoolBounds {
    /** Idle connections kept open, so a reader rarely waits for a connect. */
    static final int POOL_CONNECTIONS_IDLE_MIN = 1;
    /** How long a caller waits for a free connection before the store gives up. */
    static final long POOL_CONNECTION_TIMEOUT_MS = 5_000;
    /** How long a liveness check of a pooled connection may take. */
    static final long POOL_VALIDATION_TIMEOUT_MS = 2_000;
    /** An idle connection above the minimum is closed after this long. */
    static final long POOL_IDLE_TIMEOUT_MS = 600_000;
    /** Every connection is replaced after this long, before servers or firewalls drop it. */
    static final long POOL_CONNECTION_LIFETIME_MS = 1_800_000;
    /** Idle connections are checked this often, so a dead one is found before a caller gets it. */
    static final long POOL_KEEPALIVE_MS = 120_000;
    /** How long opening the store keeps trying for its first connection before it fails. */
    static final long POOL_INITIALIZATION_TIMEOUT_MS = 5_000;

    private PoolBounds() {}

    /** A pool configuration named {@code name} of at most {@code connectionsMax} connections. */
    static HikariConfig bounded(String name, int connectionsMax) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(connectionsMax);
        config.setMinimumIdle(Math.min(POOL_CONNECTIONS_IDLE_MIN, connectionsMax));
        config.setConnectionTimeout(POOL_CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(POOL_VALIDATION_TIMEOUT_MS);
        config.setIdleTimeout(POOL_IDLE_TIMEOUT_MS);
        config.setMaxLifetime(POOL_CONNECTION_LIFETIME_MS);
        config.setKeepaliveTime(POOL_KEEPALIVE_MS);
        config.setInitializationFailTimeout(POOL_INITIALIZATION_TIMEOUT_MS);
        config.setAutoCommit(true);
        return config;
    }
}
