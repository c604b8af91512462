package org.corridor.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh database for one benchmark case, so figures never depend on what an earlier run left: a new
 * SQLite file beside the one named ({@code ledger.db} becomes {@code ledger-uniform.db}), or a new
 * PostgreSQL schema ({@code corridor_bench_uniform}) dropped afterwards.
 */
record BenchDatabase(String kind, String jdbcUrl, String dropSchemaUrl, String schema) {
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    /** The files SQLite and the batch log keep beside the database file. */
    private static final String[] SQLITE_SUFFIXES = {"", "-wal", "-shm", "-batches", "-batches-wal", "-batches-shm"};

    static BenchDatabase fresh(String storeUrl, String mode) throws IOException, SQLException {
        if (storeUrl.startsWith("jdbc:postgresql:")) {
            String schema = "corridor_bench_" + mode;
            try (Connection connection = DriverManager.getConnection(storeUrl);
                    Statement ddl = connection.createStatement()) {
                ddl.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                ddl.execute("CREATE SCHEMA " + schema);
            }
            String separator = storeUrl.contains("?") ? "&" : "?";
            return new BenchDatabase("postgresql", storeUrl + separator + "currentSchema=" + schema, storeUrl, schema);
        }
        if (!storeUrl.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("--store must be a jdbc:sqlite: or jdbc:postgresql: URL");
        }
        Path named = Path.of(storeUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
        String fileName = named.getFileName().toString().replaceFirst("\\.db$", "") + "-" + mode + ".db";
        Path file = named.resolveSibling(fileName);
        for (String suffix : SQLITE_SUFFIXES) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        return new BenchDatabase("sqlite", "jdbc:sqlite:" + file, null, null);
    }

    /** Drops the PostgreSQL schema; SQLite files stay for inspection (they are under the bench folder). */
    void drop() throws SQLException {
        if (schema == null) return;
        try (Connection connection = DriverManager.getConnection(dropSchemaUrl);
                Statement ddl = connection.createStatement()) {
            ddl.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** The SQLite files of a run that passed; PostgreSQL's schema. A failed run's database stays for a look. */
    void discard() throws SQLException {
        drop();
        if (!jdbcUrl.startsWith(SQLITE_PREFIX)) return;
        String file = jdbcUrl.substring(SQLITE_PREFIX.length());
        for (String suffix : SQLITE_SUFFIXES) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException cannotDelete) {
                System.err.println("corridor bench: could not delete " + file + suffix + ": " + cannotDelete);
            }
        }
    }
}
