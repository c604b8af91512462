package org.corridor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The batch log of an SQLite ledger, in a file of its own beside the ledger's ({@code corridor.db} gets
 * {@code corridor.db-batches}). A file of its own has a write lock of its own, so appending a batch never
 * waits for the tables being written from earlier ones. WAL and {@code synchronous=FULL}, as the ledger.
 */
final class SqliteBatchLog implements BatchLog {
    /** Appends between two trims of the entries the tables already hold. */
    private static final int APPENDS_PER_TRIM = 64;

    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement trim;
    private long lastSequence;
    private volatile long trimmable;
    private int appendsSinceTrim;

    SqliteBatchLog(String ledgerJdbcUrl) {
        String url = ledgerJdbcUrl.replaceFirst("(\\?.*)?$", "-batches$1");
        try {
            connection = SqliteConnections.batchLog(url);
            try (Statement ddl = connection.createStatement()) {
                // One table, created here rather than by Flyway: the file holds nothing else.
                ddl.execute("CREATE TABLE IF NOT EXISTS batch_log (sequence INTEGER PRIMARY KEY, entry BLOB NOT NULL)"
                        + " STRICT");
                try (ResultSet last = ddl.executeQuery("SELECT coalesce(max(sequence), 0) FROM batch_log")) {
                    last.next();
                    lastSequence = last.getLong(1);
                }
            }
            insert = connection.prepareStatement("INSERT INTO batch_log (sequence, entry) VALUES (?, ?)");
            trim = connection.prepareStatement("DELETE FROM batch_log WHERE sequence <= ?");
        } catch (SQLException e) {
            throw new StoreException("cannot open the SQLite batch log '" + JdbcUrls.redact(url) + "'", e);
        }
    }

    @Override
    public void continueAfter(long projectedSequence) {
        lastSequence = Math.max(lastSequence, projectedSequence);
    }

    @Override
    public long append(byte[] entry) {
        long sequence = lastSequence + 1;
        try {
            // Auto-commit: one statement, one transaction, synced before executeUpdate returns.
            insert.setLong(1, sequence);
            insert.setBytes(2, entry);
            insert.executeUpdate();
            lastSequence = sequence;
            if (++appendsSinceTrim >= APPENDS_PER_TRIM && trimmable > 0) {
                trim.setLong(1, trimmable);
                trim.executeUpdate();
                appendsSinceTrim = 0;
            }
            return sequence;
        } catch (SQLException e) {
            throw new StoreException("appending batch " + sequence + " to the SQLite batch log failed", e);
        }
    }

    @Override
    public void readAfter(long sequence, EntryConsumer consumer) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sequence, entry FROM batch_log WHERE sequence > ? ORDER BY sequence")) {
            select.setLong(1, sequence);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) consumer.accept(rows.getLong(1), rows.getBytes(2));
            }
        } catch (SQLException e) {
            throw new StoreException("reading the SQLite batch log failed", e);
        }
    }

    /**
     * Recorded here (by the projector's thread) and carried out by a later append, on the writer thread
     * that owns the connection.
     */
    @Override
    public void trimThrough(long sequence) {
        trimmable = sequence;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing the SQLite batch log failed", e);
        }
    }
}
