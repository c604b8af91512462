package org.corridor.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.corridor.sim.wallet.TestCard;
import org.corridor.sim.wallet.TestCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WalletSimCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new WalletSimCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private Path operatorKey() throws IOException {
        return Files.writeString(dir.resolve("operator-key"), "ck_operator\n");
    }

    @Test
    void enrolsPaysAndReportsEveryDeliberateRefusalRefused() throws IOException {
        try (FakeSwitch node = new FakeSwitch(5, 30, Set.of("bank-002"), Set.of("bank-004"))) {
            int exit = run("--api", node.url(), "--issuer-sim-control", node.url(), "--operator-key-file",
                    operatorKey().toString(), "--cards", "12", "--payments", "120", "--seed", "9");

            assertThat(exit).as(err.toString()).isZero();
            String printed = out.toString();
            List<TestCard> cards = TestCards.spread(node.banks, 12, bank -> !bank.id().equals("bank-002"));
            assertThat(cards).noneMatch(card -> card.bank().id().equals("bank-002"));
            long declined = cards.stream().filter(card -> card.bank().id().equals("bank-004")).count();
            assertThat(declined).isPositive();

            // Every bank as an issuer, one wallet provider, one merchant per currency of the cards.
            long currencies = cards.stream().map(card -> card.bank().currency()).distinct().count();
            assertThat(Collections.frequency(node.participantRoles(), "issuer")).isEqualTo(30);
            assertThat(Collections.frequency(node.participantRoles(), "wallet_provider")).isEqualTo(1);
            assertThat(Collections.frequency(node.participantRoles(), "merchant")).isEqualTo((int) currencies);
            assertThat(node.missingIdempotencyKeys).isEmpty();
            assertThat(Collections.frequency(node.enrolDomains, "contactless")).isEqualTo(6);
            assertThat(Collections.frequency(node.enrolDomains, "in_app")).isEqualTo(6);

            assertThat(printed).contains("card_declined/05").contains("active");
            assertThat(printed).containsPattern("deliberate refusals refused: (\\d+) of \\1\\b");
            assertThat(printed).doesNotContain("deliberate refusals refused: 0 of");
            // The fake verified every ordinary cryptogram; refusals came from each check the command provokes.
            assertThat(node.confirmOutcomes).containsKeys("ok", "cryptogram_invalid", "atc_replayed",
                    "token_domain_mismatch", "token_inactive");

            for (TestCard card : cards) {
                assertThat(printed).doesNotContain(card.details().number()).contains(card.maskedNumber());
            }
            for (String dpan : node.issuedDpans) assertThat(printed).doesNotContain(dpan);
        }
    }

    @Test
    void anUnreachableNodeExitsOne() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (FakeSwitch control = new FakeSwitch(5, 6, Set.of(), Set.of())) {
            int exit = run("--api", "http://127.0.0.1:" + port, "--issuer-sim-control", control.url(),
                    "--operator-key-file", operatorKey().toString(), "--cards", "2", "--payments", "2");
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("unreachable");
        }
    }

    @Test
    void anUnreachableIssuerSimulatorExitsOne() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        int exit = run("--issuer-sim-control", "http://127.0.0.1:" + port, "--operator-key-file",
                operatorKey().toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("cannot read the bank directory");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertThat(run("--operator-key-file", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(run("--operator-key-file", operatorKey().toString(), "--cards", "0")).isEqualTo(2);
        assertThat(run("--operator-key-file", operatorKey().toString(), "--payments", "-1")).isEqualTo(2);
        assertThat(run("--operator-key-file", operatorKey().toString(), "--api", "ftp://x")).isEqualTo(2);
        assertThat(err.toString()).contains("--cards must be 1 to").contains("--payments must be 0 to");
    }
}
