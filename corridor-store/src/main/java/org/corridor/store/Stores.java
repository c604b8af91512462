package org.corridor.store;

/** Opens the ledger store a JDBC URL names. */
public final class Stores {
    /** Where the ledger lives when no URL is configured: an SQLite file under {@code ./data/}. */
    public static final String DEFAULT_URL = "jdbc:sqlite:data/corridor.db";

    private Stores() {}

    /**
     * Opens (creating and migrating as needed) the store at {@code jdbcUrl}: SQLite for {@code jdbc:sqlite:},
     * PostgreSQL for {@code jdbc:postgresql:}; {@link #DEFAULT_URL} when the URL is null or blank.
     *
     * @throws IllegalArgumentException for any other kind of URL
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static LedgerStore open(String jdbcUrl) {
        String url = jdbcUrl == null || jdbcUrl.isBlank() ? DEFAULT_URL : jdbcUrl.strip();
        return open(Database.open(url));
    }

    /** A store over an already open database, which the store then owns (closing it closes the database). */
    public static LedgerStore open(Database database) {
        try {
            return switch (database.kind()) {
                case SQLITE -> new SqliteLedgerStore(database);
                case POSTGRESQL -> new PostgresLedgerStore(database);
            };
        } catch (RuntimeException refused) {
            // Recovery refused the ledger, or a statement could not be prepared: release the connections.
            database.close();
            throw refused;
        }
    }
}
