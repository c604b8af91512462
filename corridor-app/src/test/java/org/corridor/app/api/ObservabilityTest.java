package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.corridor.gateway.issuer.IssuerLinkSettings;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees of a running node: its health and its Prometheus metrics, with no id in any label. */
@Timeout(60)
class ObservabilityTest {
    @TempDir
    Path directory;

    @Test
    void metricsCountPaymentsByRailAndOutcomeAndHealthReportsEachPart() {
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory)) {
            Http http = node.http();
            TestNode.Party shop = node.merchant(0, "USD");
            TestNode.Party wallet = node.walletProvider("USD");
            String rich = node.customer(wallet, "USD", 10_000);
            String poor = node.customer(wallet, "USD", 0);
            for (String customer : List.of(rich, rich, poor)) {
                Http.Reply intent = http.post(shop.key(), "/v1/payment_intents", Map.of("amount", 1_000, "currency", "USD"));
                http.post(wallet.key(), "/v1/payment_intents/" + intent.text("id") + "/confirm", Map.of("client_secret",
                        intent.text("client_secret"), "payment_method", Map.of("type", "customer_balance", "customer",
                                customer)));
            }

            Http.Reply metrics = http.get(null, "/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.header("Content-Type")).startsWith("text/plain");
            String text = metrics.body();
            assertThat(text).contains("corridor_payments_total{outcome=\"approved\",rail=\"customer_balance\"} 2.0");
            assertThat(text).contains("corridor_payments_total{outcome=\"declined\",rail=\"customer_balance\"} 1.0");
            assertThat(text).contains("route=\"/v1/payment_intents/{id}/confirm\"");
            assertThat(text).contains("corridor_writer_queue_depth").contains("corridor_writer_batch_commands_count");
            assertThat(text).doesNotContainPattern("(pi|cus|acct)_[0-9a-f]{32}");

            Http.Reply health = http.get(null, "/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.text("status")).isEqualTo("ok");
            assertThat(health.json().get("checks").get("writer").asString()).startsWith("ok");
            assertThat(health.json().get("checks").get("fx_rates").asString()).isEqualTo(TestNode.RATES.size() + " pairs held");
        }
    }

    @Test
    void aNodeWhoseIssuerLinkIsDownIsDegraded() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TestNode node = TestNode.withCardRails(TestStores.SQLITE, directory,
                new InetSocketAddress("127.0.0.1", closedPort), IssuerLinkSettings.defaults())) {
            Http.Reply health = node.http().get(null, "/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.text("status")).isEqualTo("degraded");
            assertThat(health.json().get("checks").get("issuer_links").asString()).isEqualTo("0 of 1 up");
            assertThat(node.http().get(null, "/metrics").body())
                    .contains("corridor_issuer_link_up{link=\"127.0.0.1:" + closedPort + "\"} 0.0");
        }
    }
}
