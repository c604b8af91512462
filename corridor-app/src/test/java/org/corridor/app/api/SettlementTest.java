package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Clearing and settlement over HTTP: a window of payments, a refund and a top-up is closed, the node restarts
 * between the close and the settlement, and the settlement books each participant's net to the cent, once; the
 * reports (JSON and CSV) say so, each participant sees its own line. Net debit caps decline a top-up and a
 * cross-currency payment at one minor unit past the cap, and allow the cap exactly.
 */
@Timeout(90)
class SettlementTest {
    @TempDir
    Path directory;

    @Test
    void aWindowClosesSurvivesARestartAndSettlesOnceToTheCent() {
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory)) {
            Http http = node.http();
            String operator = node.operatorKey;
            TestNode.Party shop = node.merchant(290, "USD");
            TestNode.Party wallet = node.walletProvider("USD");
            String li = node.customer(wallet, "USD", 100_000);
            String paid = pay(http, shop, wallet, li, 10_000);
            assertThat(http.post(shop.key(), "/v1/refunds", Map.of("payment_intent", paid, "amount", 1_000)).status())
                    .isEqualTo(200);

            Http.Reply open = http.post(operator, "/v1/settlement_windows", Map.of("currency", "usd"));
            assertThat(open.status()).as(open.body()).isEqualTo(200);
            String window = open.text("id");
            assertThat(open.text("status")).isEqualTo("open");
            assertThat(open.number("covers_after")).isZero();
            assertThat(http.get(operator, "/v1/settlement_windows/" + window + "/report").errorCode())
                    .isEqualTo("window_not_closed");
            assertThat(http.post(operator, "/v1/settlement_windows/" + window + "/settle", null).errorCode())
                    .isEqualTo("window_not_closed");

            Http.Reply closed = http.post(operator, "/v1/settlement_windows/" + window + "/close", null);
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);
            assertThat(closed.text("status")).isEqualTo("closed");
            assertThat(closed.number("payouts")).isEqualTo(10_000 - 290 - 1_000 + 290);
            assertThat(closed.number("pay_ins")).isEqualTo(100_000);
            assertThat(closed.number("customers_net")).isEqualTo(100_000 - 10_000 + 1_000);
            assertThat(http.post(operator, "/v1/settlement_windows/" + window + "/close", null).errorCode())
                    .isEqualTo("window_not_open");

            node.restart();
            Http.Reply stillClosed = http(node).get(operator, "/v1/settlement_windows/" + window);
            assertThat(stillClosed.text("status")).as("a close survives a restart").isEqualTo("closed");
            http = http(node);
            Http.Reply settled = http.post(operator, "/v1/settlement_windows/" + window + "/settle", null,
                    "Idempotency-Key", "settle-1");
            assertThat(settled.status()).as(settled.body()).isEqualTo(200);
            assertThat(settled.text("status")).isEqualTo("settled");
            assertThat(settled.json().get("settlement_transfers")).hasSize(3);
            Http.Reply replay = http.post(operator, "/v1/settlement_windows/" + window + "/settle", null,
                    "Idempotency-Key", "settle-1");
            assertThat(replay.body()).isEqualTo(settled.body());
            Http.Reply twice = http.post(operator, "/v1/settlement_windows/" + window + "/settle", null);
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.errorCode()).isEqualTo("window_already_settled");

            for (TestNode.Party party : List.of(shop, wallet)) {
                assertThat(TestNode.posted(http.get(party.key(), "/v1/account"), "USD")).as("settled to zero").isZero();
            }
            JsonNode report = http.get(operator, "/v1/settlement_windows/" + window + "/report").json();
            assertThat(report.get("lines")).hasSize(3);
            JsonNode shopLine = line(report, shop.id());
            assertThat(shopLine.get("role").asString()).isEqualTo("merchant");
            assertThat(shopLine.get("credits").asLong()).isEqualTo(10_000);
            assertThat(shopLine.get("debits").asLong()).isEqualTo(1_290);
            assertThat(shopLine.get("fees").asLong()).isEqualTo(-290);
            assertThat(shopLine.get("refunds").asLong()).isEqualTo(-1_000);
            assertThat(shopLine.get("gross").asLong()).isEqualTo(10_000);
            assertThat(shopLine.get("net").asLong()).isEqualTo(8_710);
            assertThat(shopLine.get("direction").asString()).isEqualTo("payout");
            assertThat(line(report, wallet.id()).get("direction").asString()).isEqualTo("pay_in");
            assertThat(line(report, "acct_operator").get("net").asLong()).isEqualTo(290);
            assertThat(report.get("totals").get("customers_net").asLong()).isEqualTo(91_000);

            Http.Reply csv = http.get(operator, "/v1/settlement_windows/" + window + "/report.csv");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            String header = "participant,role,currency,debits,credits,fees,refunds,net,direction,amount,settlement_transfer";
            assertThat(csv.body().split("\r\n")).containsExactly(header,
                    csvRow(report, 0), csvRow(report, 1), csvRow(report, 2));
            assertThat(csv.body()).contains(shop.id() + ",merchant,USD,1290,10000,-290,-1000,8710,payout,8710,"
                    + shopLine.get("settlement_transfer").asString() + "\r\n");

            JsonNode own = http.get(shop.key(), "/v1/settlement_windows/" + window + "/report").json();
            assertThat(own.get("lines")).singleElement().satisfies(l -> assertThat(l.get("participant").asString())
                    .isEqualTo(shop.id()));
            assertThat(own.get("totals").isNull()).isTrue();
            assertThat(http.get(shop.key(), "/v1/settlement_windows/" + window + "/report.csv").body().split("\r\n"))
                    .hasSize(2);
            TestNode.Party stranger = node.merchant(0, "USD");
            Http.Reply notIn = http.get(stranger.key(), "/v1/settlement_windows/" + window + "/report.csv");
            assertThat(notIn.status()).as("a window without its line is not found for it").isEqualTo(404);
            assertThat(notIn.errorCode()).isEqualTo(http.get(stranger.key(), "/v1/settlement_windows/sw_missing/report")
                    .errorCode());
            assertThat(http.get(shop.key(), "/v1/settlement_windows").status()).isEqualTo(403);
            assertThat(http.post(shop.key(), "/v1/settlement_windows/" + window + "/settle", null).status()).isEqualTo(403);

            JsonNode next = http.get(operator, "/v1/settlement_windows?currency=USD&status=open").json().get("data");
            assertThat(next).singleElement().satisfies(w -> {
                assertThat(w.get("number").asLong()).isEqualTo(2);
                assertThat(w.get("covers_after").asLong()).isEqualTo(closed.number("covers_through"));
            });
        }
    }

    @Test
    void netDebitCapsDeclineATopUpAndACrossCurrencyPaymentOneUnitPastTheCap() {
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory)) {
            Http http = node.http();
            String operator = node.operatorKey;
            TestNode.Party wallet = node.walletProvider("USD");
            String li = node.customer(wallet, "USD", 0);
            Http.Reply cap = http.post(operator, "/v1/participants/" + wallet.id() + "/net_debit_caps",
                    Map.of("currency", "USD", "amount", 50_000));
            assertThat(cap.status()).as(cap.body()).isEqualTo(200);
            assertThat(cap.number("amount")).isEqualTo(50_000);
            assertThat(http.post(operator, "/v1/participants/" + wallet.id() + "/net_debit_caps",
                    Map.of("currency", "CNY", "amount", 1)).errorCode()).isEqualTo("currency_not_supported");
            assertThat(http.post(operator, "/v1/participants/acct_nobody/net_debit_caps",
                    Map.of("currency", "USD", "amount", 1)).status()).isEqualTo(404);
            assertThat(http.post(operator, "/v1/participants/" + wallet.id() + "/net_debit_caps",
                    Map.of("currency", "USD", "amount", -1)).errorCode()).isEqualTo("amount_invalid");

            assertThat(topUp(http, wallet, li, 50_000).status()).as("up to the cap exactly").isEqualTo(200);
            Http.Reply over = topUp(http, wallet, li, 1);
            assertThat(over.status()).isEqualTo(402);
            assertThat(over.errorType()).isEqualTo("payment_error");
            assertThat(over.errorCode()).isEqualTo("net_debit_cap_exceeded");

            TestNode.Party fx = node.participant(Map.of("role", "fx_provider", "name", "Liquidity", "country", "HK",
                    "settlement_currency", "USD", "currencies", List.of("USD", "CNY")));
            TestNode.Party shop = node.merchant(0, "USD");
            TestNode.Party yuanWallet = node.walletProvider("CNY");
            String wang = node.customer(yuanWallet, "CNY", 1_000_000);
            assertThat(http.post(operator, "/v1/participants/" + fx.id() + "/net_debit_caps",
                    Map.of("currency", "USD", "amount", 5_000)).status()).isEqualTo(200);
            assertThat(pay(http, shop, yuanWallet, wang, 5_000)).isNotNull();
            Http.Reply declined = confirm(http, shop, yuanWallet, wang, 1);
            assertThat(declined.status()).isEqualTo(402);
            assertThat(declined.errorCode()).isEqualTo("net_debit_cap_exceeded");
            assertThat(declined.json().at("/error/payment_intent/status").asString()).isEqualTo("requires_payment_method");
            assertThat(TestNode.posted(http.get(fx.key(), "/v1/account"), "USD")).isEqualTo(-5_000);

            // Settling brings the provider back to zero, and it may pay again.
            String window = http.post(operator, "/v1/settlement_windows", Map.of("currency", "USD")).text("id");
            assertThat(http.post(operator, "/v1/settlement_windows/" + window + "/close", null).status()).isEqualTo(200);
            assertThat(http.post(operator, "/v1/settlement_windows/" + window + "/settle", null).status()).isEqualTo(200);
            assertThat(confirm(http, shop, yuanWallet, wang, 1).status()).isEqualTo(200);
        }
    }

    private static Http http(TestNode node) {
        return node.http();
    }

    private static Http.Reply topUp(Http http, TestNode.Party wallet, String customer, long amount) {
        return http.post(wallet.key(), "/v1/customers/" + customer + "/top_ups", Map.of("amount", amount, "currency", "USD"));
    }

    /** A payment of {@code amount} cents to {@code shop}, captured at once, from {@code customer}'s balance. */
    private static String pay(Http http, TestNode.Party shop, TestNode.Party wallet, String customer, long amount) {
        Http.Reply confirmed = confirm(http, shop, wallet, customer, amount);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("succeeded");
        return confirmed.text("id");
    }

    private static Http.Reply confirm(Http http, TestNode.Party shop, TestNode.Party wallet, String customer, long amount) {
        Http.Reply intent = http.post(shop.key(), "/v1/payment_intents", Map.of("amount", amount, "currency", "USD"));
        assertThat(intent.status()).as(intent.body()).isEqualTo(200);
        return http.post(wallet.key(), "/v1/payment_intents/" + intent.text("id") + "/confirm",
                Map.of("client_secret", intent.text("client_secret"), "payment_method",
                        Map.of("type", "customer_balance", "customer", customer)));
    }

    private static JsonNode line(JsonNode report, String participant) {
        for (JsonNode line : report.get("lines")) {
            if (line.get("participant").asString().equals(participant)) return line;
        }
        throw new AssertionError("no line of " + participant + " in " + report);
    }

    /** The CSV row the JSON report's line {@code index} must have, field by field. */
    private static String csvRow(JsonNode report, int index) {
        JsonNode l = report.get("lines").get(index);
        return String.join(",", l.get("participant").asString(), l.get("role").asString(), l.get("currency").asString(),
                l.get("debits").asString(), l.get("credits").asString(), l.get("fees").asString(),
                l.get("refunds").asString(), l.get("net").asString(), l.get("direction").asString(),
                l.get("amount").asString(), l.get("settlement_transfer").isNull() ? ""
                        : l.get("settlement_transfer").asString());
    }
}
