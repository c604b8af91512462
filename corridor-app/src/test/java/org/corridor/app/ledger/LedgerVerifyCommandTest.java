package org.corridor.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.List;
import org.corridor.app.Main;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.Transfer;
import org.corridor.store.LedgerStore;
import org.corridor.store.Stores;
import org.corridor.store.writer.LedgerWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code corridor ledger verify} as an operator runs it: exit 0 on a sound ledger, 1 and the violations otherwise. */
class LedgerVerifyCommandTest {
    @TempDir
    Path directory;

    @Test
    void passesASoundLedgerAndCatchesATamperedBalance() throws Exception {
        String url = "jdbc:sqlite:" + directory.resolve("ledger.db");
        try (LedgerStore store = Stores.open(url); LedgerWriter writer = LedgerWriter.start(store, InstantSource.system())) {
            writer.createAccounts(List.of(Account.open(Id128.of(1), 840, 1, 0, Id128.ZERO),
                    Account.open(Id128.of(2), 840, 1, 0, Id128.ZERO))).join();
            assertThat(writer.createTransfers(List.of(Transfer.of(Id128.of(7), Id128.of(1), Id128.of(2), 250, 840, 1)))
                    .join()).containsExactly(CreateTransferResult.OK);
        }
        Run sound = verify(url);
        assertThat(sound.exitCode).isZero();
        assertThat(sound.output).contains("2 accounts, 1 transfers").contains("ledger verified");

        try (Connection connection = DriverManager.getConnection(url); Statement tamper = connection.createStatement()) {
            tamper.executeUpdate("UPDATE accounts SET credits_posted = 999 WHERE id_low = 2");
        }
        Run tampered = verify(url);
        assertThat(tampered.exitCode).isEqualTo(1);
        assertThat(tampered.output).contains("FAILED").contains("sum to").contains("posted debits 250 != posted credits 999");
    }

    private record Run(int exitCode, String output) {}

    private static Run verify(String url) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            int exitCode = new CommandLine(new Main()).execute("ledger", "verify", "--store", url);
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
