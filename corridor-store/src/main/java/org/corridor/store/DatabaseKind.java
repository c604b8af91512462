package org.corridor.store;

/** The databases Corridor stores its ledger in, told apart by the JDBC URL's prefix. */
public enum DatabaseKind {
    /** Embedded, the default: one file, WAL journal, every commit synced. */
    SQLITE("sqlite", "jdbc:sqlite:"),
    /** Production: a PostgreSQL server reached through a bounded connection pool. */
    POSTGRESQL("postgresql", "jdbc:postgresql:");

    private final String label;
    private final String urlPrefix;

    DatabaseKind(String label, String urlPrefix) {
        this.label = label;
        this.urlPrefix = urlPrefix;
    }

    /** {@code "sqlite"} or {@code "postgresql"}: for reports, benchmark lines and migration folders. */
    public String label() {
        return label;
    }

    /** The JDBC URL prefix that selects this kind, such as {@code "jdbc:sqlite:"}. */
    public String urlPrefix() {
        return urlPrefix;
    }

    /**
     * The kind a JDBC URL names.
     *
     * @throws IllegalArgumentException for any other URL, naming the prefixes that are understood
     */
    public static DatabaseKind of(String jdbcUrl) {
        for (DatabaseKind kind : values()) {
            if (jdbcUrl != null && jdbcUrl.startsWith(kind.urlPrefix)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unsupported JDBC URL '" + JdbcUrls.redact(jdbcUrl)
                + "': use jdbc:sqlite:<file> or jdbc:postgresql://<host>:<port>/<database>");
    }
}
