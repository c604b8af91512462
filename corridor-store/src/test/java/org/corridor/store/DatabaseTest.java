package org.corridor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.store.testing.TestDatabase;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Opening databases: the URLs understood, the errors for the others, and the settings a ledger needs. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class DatabaseTest {
    private static final List<String> STORE_TABLES = List.of("accounts", "transfers", "pending_transfers",
            "transfer_failures", "account_balances", "ledger_clock", "ledger_projection", "batch_log",
            "switch_record", "flyway_schema_history");

    @Test
    void aUrlOfAnotherDatabaseIsRefusedNamingTheKindsUnderstood() {
        assertThatThrownBy(() -> Stores.open("jdbc:mysql://localhost/ledger"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported JDBC URL 'jdbc:mysql://localhost/ledger'")
                .hasMessageContaining("jdbc:sqlite:")
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void anInMemorySqliteDatabaseIsRefusedAsNotDurable() {
        assertThatThrownBy(() -> Stores.open("jdbc:sqlite::memory:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not durable");
    }

    @Test
    void aMalformedPostgresqlUrlIsRefused() {
        assertThatThrownBy(() -> Stores.open("jdbc:postgresql://localhost:notaport/ledger"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed PostgreSQL URL");
    }

    @Test
    void anUnreachableServerGivesAClearErrorWithoutThePassword() {
        assertThatThrownBy(() -> Stores.open("jdbc:postgresql://127.0.0.1:1/ledger?user=corridor&password=hunter2"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to the postgresql database")
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void sqliteCreatesTheDirectoriesAboveItsFile(@TempDir Path directory) throws SQLException {
        Path file = directory.resolve("nested/deeper/ledger.db");
        try (Database database = Database.open("jdbc:sqlite:" + file)) {
            assertThat(database.kind()).isEqualTo(DatabaseKind.SQLITE);
            assertThat(file).exists();
            try (Connection connection = database.dataSource().getConnection()) {
                assertThat(text(connection, "PRAGMA journal_mode")).isEqualTo("wal");
                assertThat(text(connection, "PRAGMA synchronous")).as("FULL").isEqualTo("2");
                assertThat(text(connection, "SELECT count(*) FROM accounts")).isEqualTo("0");
                assertThat(text(connection, "SELECT last_timestamp FROM ledger_clock")).isEqualTo("0");
            }
        }
    }

    @Test
    void sqliteReportsADirectoryItCannotCreate(@TempDir Path directory) throws Exception {
        Path blocker = Files.createFile(directory.resolve("blocker"));
        assertThatThrownBy(() -> Database.open("jdbc:sqlite:" + blocker.resolve("ledger.db")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot create the directory");
    }

    @Test
    void postgresqlMigratesIntoTheUrlsCurrentSchema() throws SQLException {
        try (TestDatabase test = TestStores.postgresql(); Database database = Database.open(test.url())) {
            assertThat(database.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
            try (Connection connection = database.dataSource().getConnection()) {
                assertThat(text(connection, "SELECT current_schema()")).isEqualTo(test.schema());
                assertThat(text(connection, "SHOW synchronous_commit")).isEqualTo("on");
                List<String> tables = new ArrayList<>();
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
                    query.setString(1, test.schema());
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) tables.add(rows.getString(1));
                    }
                }
                assertThat(tables).containsExactlyInAnyOrderElementsOf(STORE_TABLES);
            }
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
