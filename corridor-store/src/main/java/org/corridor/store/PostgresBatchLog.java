package org.corridor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The batch log of a PostgreSQL ledger: the {@code batch_log} table beside the ledger's tables. Row locks
 * keep appends and the writing of the tables from waiting on each other. Each append is its own
 * transaction, durable when it returns ({@code synchronous_commit=on}).
 */
final class PostgresBatchLog implements BatchLog {
    /** Rows per round trip when recovery reads the log back. */
    private static final int READ_FETCH_ROWS = 64;

    private final DataSource pool;
    private long lastSequence;

    PostgresBatchLog(DataSource pool) {
        this.pool = pool;
        try (Connection connection = pool.getConnection(); Statement select = connection.createStatement();
                ResultSet last = select.executeQuery("SELECT coalesce(max(sequence), 0) FROM batch_log")) {
            last.next();
            lastSequence = last.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot read the PostgreSQL batch log", e);
        }
    }

    @Override
    public void continueAfter(long projectedSequence) {
        lastSequence = Math.max(lastSequence, projectedSequence);
    }

    @Override
    public long append(byte[] entry) {
        long sequence = lastSequence + 1;
        try (Connection connection = pool.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO batch_log (sequence, entry) VALUES (?, ?)")) {
            connection.setAutoCommit(true);
            insert.setLong(1, sequence);
            insert.setBytes(2, entry);
            insert.executeUpdate();
            lastSequence = sequence;
            return sequence;
        } catch (SQLException e) {
            throw new StoreException("appending batch " + sequence + " to the PostgreSQL batch log failed", e);
        }
    }

    @Override
    public void readAfter(long sequence, EntryConsumer consumer) {
        try (Connection connection = pool.getConnection()) {
            // A cursor (fetch size in a transaction) keeps a long log from being read into memory at once.
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sequence, entry FROM batch_log WHERE sequence > ? ORDER BY sequence")) {
                select.setFetchSize(READ_FETCH_ROWS);
                select.setLong(1, sequence);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) consumer.accept(rows.getLong(1), rows.getBytes(2));
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the PostgreSQL batch log failed", e);
        }
    }

    @Override
    public void trimThrough(long sequence) {
        try (Connection connection = pool.getConnection();
                PreparedStatement trim = connection.prepareStatement("DELETE FROM batch_log WHERE sequence <= ?")) {
            connection.setAutoCommit(true);
            trim.setLong(1, sequence);
            trim.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("trimming the PostgreSQL batch log failed", e);
        }
    }

    @Override
    public void close() {
        // The pool belongs to the database, which the store closes.
    }
}
