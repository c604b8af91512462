package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.corridor.sim.issuer.Fault;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.TokenPresentment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Drives card payments with canary PANs (test cards of the simulated banks, one per network) through every path —
 * enrolment, taps and in-app payments, captures, voids, refunds, an issuer decline, an unanswered request and its
 * reversal, a QR payment and a top-up by token, the token lifecycle, a refused enrolment — and then looks for those
 * numbers everywhere a PAN must never be: every log line (the simulator's included), every API reply, every webhook,
 * and every byte of the database files, which hold every table. The vault's rows are in those files too, sealed: a clear PAN there fails as well.
 */
@Timeout(120)
class PanCanaryTest {
    @TempDir
    Path directory;

    /** Every log line while the test runs, with stack traces. */
    private static final class CapturedLogs extends AppenderBase<ILoggingEvent> {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
    }

    @Test
    void noClearPanReachesALogAReplyAWebhookOrATable() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        CapturedLogs logs = new CapturedLogs();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.DEBUG);
        List<String> replies = new CopyOnWriteArrayList<>();
        List<String> canaries = new ArrayList<>();
        try (CardWorld world = CardWorld.start("sqlite", directory); WebhookReceiver hooks = new WebhookReceiver()) {
            world.http().observe(reply -> replies.add(reply.body()));
            world.http().post(world.wallet.key(), "/v1/webhook_endpoints",
                    Map.of("url", hooks.url(), "enabled_events", List.of("*")));
            for (String currency : List.of("USD", "EUR", "CNY")) {
                world.http().post(world.merchant(currency).key(), "/v1/webhook_endpoints",
                        Map.of("url", hooks.url(), "enabled_events", List.of("*")));
            }
            for (SimulatedBank bank : canaryBanks(world)) {
                world.simulator.banks().setDeclinePerMille(bank.id(), 0);
                CardWorld.Provisioned tap = world.enrol(bank, 11, 20_000, world.newPhone(), TokenDomain.CONTACTLESS);
                CardWorld.Provisioned app = world.enrolCard(tap.cardNumber(), bank, world.newPhone(), TokenDomain.IN_APP);
                canaries.add(tap.cardNumber());
                drive(world, bank, tap, app);
            }
            // A refused enrolment with a canary-like number that fails the Luhn check, and one of an unknown BIN.
            String refused = canaries.getFirst().substring(0, 15) + ((canaries.getFirst().charAt(15) - '0' + 1) % 10);
            canaries.add(refused);
            world.requestEnrolment(refused, CardWorld.EXPIRY_YEAR, "phone-x", TokenDomain.IN_APP);
            Eventually.holds(Duration.ofSeconds(30), () -> assertThat(world.node.node().reversalsPending()).isZero());
            Thread.sleep(500); // Lets the last webhooks leave.
            List<String> webhooks = hooks.received().stream().map(WebhookReceiver.Received::body).toList();

            assertThat(replies).hasSizeGreaterThan(40);
            assertThat(webhooks).isNotEmpty();
            assertThat(logs.lines).isNotEmpty();
            for (String pan : canaries) {
                assertThat(logs.lines).as("log lines").noneMatch(line -> line.contains(pan));
                assertThat(replies).as("API replies").noneMatch(body -> body.contains(pan));
                assertThat(webhooks).as("webhooks").noneMatch(body -> body.contains(pan));
            }
            assertThat(tableValuesContaining(world.node.storeUrl(), canaries)).as("table values").isEmpty();
        } finally {
            root.detachAppender(logs);
            root.setLevel(level);
        }
        // Once the node has stopped, every byte the database wrote: tables, indexes, the write-ahead log.
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String pan : canaries) assertThat(bytes).as(file.toString()).doesNotContain(pan);
            }
        }
    }

    /** One bank of each network, in the currencies the merchants are set up for. */
    private static List<SimulatedBank> canaryBanks(CardWorld world) {
        List<SimulatedBank> chosen = new ArrayList<>();
        for (var network : org.corridor.sim.issuer.CardNetwork.values()) {
            world.simulator.banks().all().stream()
                    .filter(b -> b.network() == network && List.of("USD", "EUR", "CNY").contains(b.currency().getCurrencyCode()))
                    .findFirst().ifPresent(chosen::add);
        }
        assertThat(chosen).hasSize(3);
        return chosen;
    }

    private static void drive(CardWorld world, SimulatedBank bank, CardWorld.Provisioned tap, CardWorld.Provisioned app)
            throws IOException {
        String currency = bank.currency().getCurrencyCode();
        TestNode.Party merchant = world.merchant(currency);
        world.pay(tap, 1_000, "automatic");
        Http.Reply reserved = world.pay(app, 2_000, "manual");
        world.http().post(merchant.key(), "/v1/payment_intents/" + reserved.text("id") + "/capture",
                Map.of("amount_to_capture", 1_500));
        world.http().post(merchant.key(), "/v1/refunds", Map.of("payment_intent", reserved.text("id"), "amount", 500));
        Http.Reply toVoid = world.pay(tap, 700, "manual");
        world.http().post(merchant.key(), "/v1/payment_intents/" + toVoid.text("id") + "/cancel", Map.of());
        world.pay(tap, 1_000_000, "automatic"); // declined by the issuer: 51
        world.simulator.faults().next(Fault.NO_REPLY, bank.id(), 1);
        world.pay(app, 900, "automatic"); // unanswered, then reversed
        // The token wallet pays a merchant's QR code, and tops up a customer's balance (the wallet works in USD).
        Http.Reply qr = world.http().post(merchant.key(), "/v1/qr_codes", Map.of("amount", 300, "currency", currency));
        TokenPresentment scanned = app.phone().present(app.tokenId(), 300, bank.currency(), merchant.id(), null);
        assertThat(world.http().post(world.wallet.key(), "/v1/qr_payments", Map.of("payload", qr.text("payload"),
                "payment_method", scanned.paymentMethodJson())).status()).isEqualTo(200);
        if (currency.equals("USD")) {
            String customer = world.node.customer(world.wallet, currency, 0);
            TokenPresentment topUp = app.phone().present(app.tokenId(), 400, bank.currency(), world.wallet.id(), null);
            assertThat(world.http().post(world.wallet.key(), "/v1/customers/" + customer + "/top_ups", Map.of("amount",
                    400, "currency", currency, "payment_method", topUp.paymentMethodJson())).status()).isEqualTo(200);
        }
        world.http().post(world.wallet.key(), "/v1/tokens/" + tap.tokenId() + "/suspend", null);
        world.pay(tap, 100, "automatic"); // token_suspended
        world.http().post(world.wallet.key(), "/v1/tokens/" + tap.tokenId() + "/delete", null);
        world.http().get(world.wallet.key(), "/v1/tokens/" + app.tokenId());
        world.http().get(merchant.key(), "/v1/card_authorizations");
        world.http().get(merchant.key(), "/v1/events");
    }

    /** Every text value of every table that contains a canary, as "table.column". */
    private static List<String> tableValuesContaining(String url, List<String> canaries) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) tables.add(rows.getString(1));
            }
            assertThat(tables).isNotEmpty();
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            byte[] value = rows.getBytes(column);
                            if (value == null) continue;
                            String text = new String(value, StandardCharsets.ISO_8859_1);
                            for (String pan : canaries) {
                                if (text.contains(pan)) found.add(table + "." + rows.getMetaData().getColumnName(column));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
