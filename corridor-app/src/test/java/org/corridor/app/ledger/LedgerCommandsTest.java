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

/**
 * The {@code corridor ledger} commands as an operator runs them: {@code verify} exits 0 on a sound ledger and
 * 1 with the violations otherwise; {@code account} shows balances and pages through transfers.
 */
class LedgerCommandsTest {
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

    @Test
    void accountShowsBalancesAndPagesThroughTransfers() {
        String url = "jdbc:sqlite:" + directory.resolve("ledger.db");
        try (LedgerStore store = Stores.open(url); LedgerWriter writer = LedgerWriter.start(store, InstantSource.system())) {
            writer.createAccounts(List.of(Account.open(Id128.of(1), 840, 1, 0, Id128.ZERO),
                    Account.open(Id128.of(2), 840, 1, 0, Id128.ZERO))).join();
            writer.createTransfers(List.of(Transfer.of(Id128.of(7), Id128.of(1), Id128.of(2), 250, 840, 1),
                    Transfer.of(Id128.of(8), Id128.of(2), Id128.of(1), 40, 840, 1))).join();
        }
        Run first = run("ledger", "account", "2", "--limit", "1", "--store", url);
        assertThat(first.exitCode).isZero();
        assertThat(first.output).contains("credits pending 0  posted 250").contains("debits  pending 0  posted 40")
                .contains("credit 250 from 00000000000000000000000000000001").contains("more may follow: --after ");
        String after = first.output.replaceAll("(?s).*--after (\\d+).*", "$1");
        Run second = run("ledger", "account", "2", "--limit", "1", "--after", after, "--store", url);
        assertThat(second.output).contains("debit  40 to   00000000000000000000000000000001")
                .doesNotContain("credit 250");
        Run newest = run("ledger", "account", "2", "--newest-first", "--limit", "5", "--store", url);
        assertThat(newest.output.indexOf("debit  40")).isLessThan(newest.output.indexOf("credit 250"));
        assertThat(run("ledger", "account", "3", "--store", url).exitCode).isEqualTo(1);
        assertThat(run("ledger", "account", "not-hex", "--store", url).exitCode).isEqualTo(2);
    }

    private record Run(int exitCode, String output) {}

    private static Run verify(String url) {
        return run("ledger", "verify", "--store", url);
    }

    private static Run run(String... arguments) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            int exitCode = new CommandLine(new Main()).execute(arguments);
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
