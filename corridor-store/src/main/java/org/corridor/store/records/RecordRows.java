package org.corridor.store.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/** Writes and reads {@code switch_record}, with the same SQL on SQLite and PostgreSQL. */
public final class RecordRows {
    private static final String UPSERT = "INSERT INTO switch_record (kind, id, body) VALUES (?, ?, ?)"
            + " ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body";
    private static final String DELETE = "DELETE FROM switch_record WHERE kind = ? AND id = ?";
    private static final String ALL = "SELECT kind, id, body FROM switch_record";
    private static final int ROWS_PER_FETCH = 10_000;

    private RecordRows() {}

    /** Upserts and deletes the rows in the caller's open transaction. */
    public static void write(Connection connection, List<RecordRow> rows) throws SQLException {
        if (rows.isEmpty()) return;
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT);
                PreparedStatement delete = connection.prepareStatement(DELETE)) {
            int upserts = 0;
            int deletes = 0;
            for (RecordRow row : rows) {
                PreparedStatement statement = row.body() == null ? delete : upsert;
                statement.setString(1, row.kind().storedName());
                statement.setString(2, row.id());
                if (row.body() != null) {
                    statement.setBytes(3, row.body());
                    upserts++;
                } else {
                    deletes++;
                }
                statement.addBatch();
            }
            if (upserts > 0) upsert.executeBatch();
            if (deletes > 0) delete.executeBatch();
        }
    }

    /** Loads every row into {@code state}, in the caller's open (read) transaction. */
    public static void restore(Connection connection, SwitchState state) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(ROWS_PER_FETCH);
            try (ResultSet rows = statement.executeQuery(ALL)) {
                while (rows.next()) {
                    RecordKind kind = RecordKind.ofStoredName(rows.getString(1));
                    state.restore(kind, rows.getString(2), RecordCodec.decode(kind, rows.getBytes(3)));
                }
            }
        }
    }
}
