package org.corridor.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code corridor demo --exit} end to end at a small rate: the node and the issuer simulator start in process on
 * free ports, the participants are onboarded through the API, the traffic runs, and the summary says what happened.
 * No timing is asserted.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DemoCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path data;

    private int run(String... args) {
        CommandLine command = new CommandLine(new DemoCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void aShortRunPrintsTheSummaryAndExitsZero() {
        int exit = run("--exit", "--rate", "10", "--duration", "3", "--port", "0", "--shoppers", "60", "--cards", "12",
                "--data-dir", data.toString());

        String printed = out.toString();
        assertThat(exit).as(printed + err).isZero();
        assertThat(printed)
                .contains("Set up in", "250 issuers", "3 account wallets with 60 shoppers")
                .contains("Payments: 30 sent at 10/s for 3 s")
                .contains("FX volume")
                .contains("Net positions by participant role", "wallet_provider", "merchant", "shoppers (rest)")
                .contains("Settlement: each currency's window closed and settled", "USD", "paid out")
                .contains("Reconciliation:", "ledger verified")
                .contains("Result: OK");
        assertThat(printed).contains("operator key in " + data);
        // Masked card numbers only: no run of digits as long as a card number, in anything the demo printed.
        // (The test's own temporary folder has a long random number in its name: it is not what is checked.)
        assertThat((printed + err).replace(data.toString(), "<data>"))
                .doesNotContainPattern("(?<![0-9])[0-9]{13,19}(?![0-9])");
    }

    @Test
    void optionsOutOfRangeAreUsageErrors() {
        assertThat(run("--rate", "0", "--data-dir", data.toString())).isEqualTo(2);
        assertThat(run("--duration", "0", "--data-dir", data.toString())).isEqualTo(2);
        assertThat(run("--port", "70000", "--data-dir", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--rate must be", "--duration must be", "--port must be");
    }
}
