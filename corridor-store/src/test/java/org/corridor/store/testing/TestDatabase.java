package org.corridor.store.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database made for one test: an SQLite file in the test's temporary directory, or a PostgreSQL schema
 * with a random name. Closing it drops the schema (the temporary directory is JUnit's to remove). Open
 * stores and {@link org.corridor.store.Database}s on {@link #url()}, and close them before this.
 */
public final class TestDatabase implements AutoCloseable {
    private final String kind;
    private final String url;
    private final String schema;
    private final String serverUrl;

    TestDatabase(String kind, String url, String schema, String serverUrl) {
        this.kind = kind;
        this.url = url;
        this.schema = schema;
        this.serverUrl = serverUrl;
    }

    /** {@code "sqlite"} or {@code "postgresql"}. */
    public String kind() {
        return kind;
    }

    /** The JDBC URL to open: an SQLite file, or the server with {@code currentSchema} set to the schema. */
    public String url() {
        return url;
    }

    /** The PostgreSQL schema made for this test; null on SQLite. */
    public String schema() {
        return schema;
    }

    @Override
    public void close() {
        if (schema == null) {
            return;
        }
        try (Connection connection = TestStores.connectToServer(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }

    @Override
    public String toString() {
        return kind;
    }
}
