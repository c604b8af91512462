package org.corridor.store.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.corridor.store.LedgerStore;
import org.corridor.store.Stores;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh ledger stores for tests, on SQLite and on PostgreSQL.
 *
 * <p>Parameterize a test over both with {@code @MethodSource("org.corridor.store.testing.TestStores#kinds")}
 * and open the store with {@link #open(String, Path)} in a try-with-resources block.
 *
 * <p>The PostgreSQL rule: without {@code -Dcorridor.test.postgres.url} a PostgreSQL test is skipped
 * (a JUnit assumption), unless {@code -Dcorridor.test.postgres.required=true}, when it fails. A URL whose
 * server does not answer always fails the test: it was asked for.
 */
public final class TestStores {
    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";
    public static final String POSTGRES_URL_PROPERTY = "corridor.test.postgres.url";
    public static final String POSTGRES_REQUIRED_PROPERTY = "corridor.test.postgres.required";
    public static final String SKIP_MESSAGE =
            "PostgreSQL tests skipped: set -Dcorridor.test.postgres.url=... (CI sets it)";

    /** How long the test server may take to accept a connection. */
    static final int SERVER_CONNECT_TIMEOUT_SECONDS = 5;
    /** How long one statement against the test server (create or drop a schema) may take. */
    static final int SERVER_SOCKET_TIMEOUT_SECONDS = 60;

    private static final String SCHEMA_PREFIX = "corridor_test_";
    private static final String SQLITE_FILE = "corridor.db";

    private static final AtomicBoolean SKIP_ANNOUNCED = new AtomicBoolean();

    private TestStores() {}

    /** The store kinds, for {@code @MethodSource}. */
    public static Stream<String> kinds() {
        return Stream.of(SQLITE, POSTGRESQL);
    }

    /** A fresh store of {@code kind}; closing it also drops its PostgreSQL schema. */
    public static LedgerStore open(String kind, Path directory) {
        TestDatabase database = database(kind, directory);
        try {
            return new TestLedgerStore(Stores.open(database.url()), database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** A fresh SQLite store in {@code directory} (a JUnit {@code @TempDir}). */
    public static LedgerStore openSqlite(Path directory) {
        return open(SQLITE, directory);
    }

    /** A fresh PostgreSQL store in a schema of its own, dropped when the store closes. */
    public static LedgerStore openPostgresql() {
        return open(POSTGRESQL, null);
    }

    /** A fresh, empty database of {@code kind}; {@code directory} is used by SQLite only. */
    public static TestDatabase database(String kind, Path directory) {
        return switch (kind) {
            case SQLITE -> sqlite(directory);
            case POSTGRESQL -> postgresql();
            default -> throw new IllegalArgumentException("no test store of kind " + kind);
        };
    }

    /** An SQLite database file in {@code directory}, created on first open. */
    public static TestDatabase sqlite(Path directory) {
        if (directory == null) {
            throw new IllegalArgumentException("an SQLite test database needs a directory (a JUnit @TempDir)");
        }
        return new TestDatabase(SQLITE, "jdbc:sqlite:" + directory.resolve(SQLITE_FILE), null, null);
    }

    /**
     * A brand-new schema with a random name on the test server, or a skipped (or failed) test when the
     * server is not configured; see the class comment for the rule.
     */
    public static TestDatabase postgresql() {
        return postgresql(System.getProperty(POSTGRES_URL_PROPERTY), System.getProperty(POSTGRES_REQUIRED_PROPERTY));
    }

    /** {@link #postgresql()} with the two properties' values handed in; package-private for its table test. */
    static TestDatabase postgresql(String url, String required) {
        String serverUrl = postgresqlServerUrl(url, required);
        String schema = SCHEMA_PREFIX + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = connectToServer(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            return Assertions.fail("PostgreSQL test server at " + redact(serverUrl) + " does not answer: "
                    + e.getMessage(), e);
        }
        return new TestDatabase(POSTGRESQL, withSchema(serverUrl, schema), schema, serverUrl);
    }

    /**
     * The test server's URL from the two system properties' values, or a skipped or failed test.
     * Package-private for its own table test.
     */
    static String postgresqlServerUrl(String url, String required) {
        if (url != null && !url.isBlank()) {
            return url.strip();
        }
        if (required != null && Boolean.parseBoolean(required.strip())) {
            return Assertions.fail("PostgreSQL tests are required (-D" + POSTGRES_REQUIRED_PROPERTY
                    + "=true) but -D" + POSTGRES_URL_PROPERTY + " is not set");
        }
        if (SKIP_ANNOUNCED.compareAndSet(false, true)) {
            // Surefire's console counts skipped tests but does not say why: say it once, where it is seen.
            System.err.println("NOTE: " + SKIP_MESSAGE + "; every test parameterized over the PostgreSQL store is"
                    + " reported as skipped.");
        }
        return Assumptions.abort(SKIP_MESSAGE);
    }

    static Connection connectToServer(String serverUrl) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", String.valueOf(SERVER_CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(SERVER_CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", String.valueOf(SERVER_SOCKET_TIMEOUT_SECONDS));
        return DriverManager.getConnection(serverUrl, properties);
    }

    /** The server URL with {@code currentSchema} replaced by {@code schema}. */
    static String withSchema(String serverUrl, String schema) {
        String url = serverUrl.replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
