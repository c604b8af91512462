package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.store.testing.TestDatabase;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills a node with SIGKILL while payments pour in over HTTP, several times over one store. After each restart,
 * every acknowledged request, sent again with its Idempotency-Key, gets the very same bytes back (its effect and
 * its reply were durable together), the node's start-up audits pass (it refuses to start otherwise), and the
 * shoppers' balances account for exactly the payments the intents show as received: no cent lost or invented.
 */
@Timeout(300)
class PaymentCrashTest {
    private static final int CYCLES = 3;
    private static final int ACKNOWLEDGED_PER_CYCLE_MIN = 300;
    private static final int CLIENTS = 16;
    private static final long TOP_UP = 100_000_000;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    record Acknowledged(String key, String path, String body, String reply) {}

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.corridor.store.testing.TestStores#kinds")
    void acknowledgedPaymentsAndTheirRepliesSurviveSigkill(String kind) throws Exception {
        try (TestDatabase database = TestStores.database(kind, directory)) {
            List<Acknowledged> acknowledged = new ArrayList<>();
            TestNode.Party merchant = null;
            TestNode.Party wallet = null;
            List<String> shoppers = new ArrayList<>();
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                Path ready = directory.resolve("ready-" + cycle);
                Process node = start(database.url(), ready, cycle);
                try {
                    List<String> lines = awaitReady(node, ready, cycle);
                    Http http = new Http(Integer.parseInt(lines.get(0)));
                    if (cycle == 1) {
                        String operator = lines.get(1);
                        merchant = onboard(http, operator, "merchant");
                        wallet = onboard(http, operator, "wallet_provider");
                        for (int i = 0; i < 8; i++) shoppers.add(shopper(http, wallet));
                    }
                    verify(http, acknowledged, merchant, wallet, shoppers);
                    acknowledged.addAll(load(http, merchant, wallet, shoppers, cycle));
                } finally {
                    node.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, nothing flushed
                    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
                }
            }
            Process last = start(database.url(), directory.resolve("ready-final"), CYCLES + 1);
            try {
                Http http = new Http(Integer.parseInt(awaitReady(last, directory.resolve("ready-final"), CYCLES + 1).get(0)));
                verify(http, acknowledged, merchant, wallet, shoppers);
            } finally {
                last.destroyForcibly();
                last.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Payments from many clients until enough are acknowledged, then returns while requests are still in flight. */
    private static List<Acknowledged> load(Http http, TestNode.Party merchant, TestNode.Party wallet,
            List<String> shoppers, int cycle) throws Exception {
        ConcurrentLinkedQueue<Acknowledged> done = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (!stop.get()) {
                    int n = sequence.incrementAndGet();
                    String shopper = shoppers.get(n % shoppers.size());
                    String createKey = "c" + cycle + "-create-" + n;
                    String create = Http.json(Map.of("amount", 1 + n % 997, "currency", "USD",
                            "capture_method", n % 3 == 0 ? "manual" : "automatic"));
                    Http.Reply created = http.send(merchant.key(), "POST", "/v1/payment_intents", create,
                            List.of("Idempotency-Key", createKey));
                    if (created.status() != 200) continue;
                    done.add(new Acknowledged(createKey, "/v1/payment_intents", create, created.body()));
                    String confirmKey = "c" + cycle + "-confirm-" + n;
                    String path = "/v1/payment_intents/" + created.text("id") + "/confirm";
                    String confirm = Http.json(Map.of("client_secret", created.text("client_secret"),
                            "payment_method", Map.of("type", "customer_balance", "customer", shopper)));
                    Http.Reply confirmed = http.send(wallet.key(), "POST", path, confirm,
                            List.of("Idempotency-Key", confirmKey));
                    if (confirmed.status() == 200) done.add(new Acknowledged(confirmKey, path, confirm, confirmed.body()));
                }
                return null;
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (done.size() < ACKNOWLEDGED_PER_CYCLE_MIN && System.nanoTime() < deadline) Thread.sleep(20);
        stop.set(true);
        clients.shutdownNow(); // requests still in flight are cut by the kill that follows
        assertThat(done.size()).as("acknowledged in cycle " + cycle).isGreaterThanOrEqualTo(ACKNOWLEDGED_PER_CYCLE_MIN);
        return new ArrayList<>(done);
    }

    private static void verify(Http http, List<Acknowledged> acknowledged, TestNode.Party merchant, TestNode.Party wallet,
            List<String> shoppers) {
        if (merchant == null) return;
        for (Acknowledged ack : acknowledged) {
            String key = ack.path().endsWith("/confirm") ? wallet.key() : merchant.key();
            Http.Reply again = http.send(key, "POST", ack.path(), ack.body(), List.of("Idempotency-Key", ack.key()));
            assertThat(again.status()).as(ack.key()).isEqualTo(200);
            assertThat(again.body()).as("replay of " + ack.key()).isEqualTo(ack.reply());
        }
        long received = 0;
        long reserved = 0;
        String after = null;
        do {
            Http.Reply page = http.get(merchant.key(), "/v1/payment_intents?limit=100"
                    + (after == null ? "" : "&starting_after=" + after));
            for (var intent : page.json().get("data")) {
                received += intent.get("amount_received").asLong();
                reserved += intent.get("amount_capturable").asLong();
                after = intent.get("id").asString();
            }
            if (!page.json().get("has_more").asBoolean()) after = null;
        } while (after != null);
        long held = 0;
        long available = 0;
        for (String shopper : shoppers) {
            var balance = http.get(wallet.key(), "/v1/customers/" + shopper).json().get("balances").get(0);
            held += balance.get("posted").asLong();
            available += balance.get("available").asLong();
        }
        assertThat(held).as("shoppers' money after the payments received").isEqualTo(shoppers.size() * TOP_UP - received);
        assertThat(held - available).as("money reserved for captures").isEqualTo(reserved);
        Http.Reply account = http.get(merchant.key(), "/v1/account");
        assertThat(TestNode.posted(account, "USD")).isEqualTo(received);
    }

    private static Process start(String url, Path ready, int cycle) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx768m", "-cp",
                System.getProperty("java.class.path"), CrashNode.class.getName(), url, ready.toString())
                .redirectErrorStream(true)
                .redirectOutput(ready.resolveSibling("node-" + cycle + ".log").toFile())
                .start();
    }

    private static List<String> awaitReady(Process node, Path ready, int cycle) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(ready)) {
            if (!node.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("node " + cycle + " did not start:\n"
                        + Files.readString(ready.resolveSibling("node-" + cycle + ".log")));
            }
            Thread.sleep(50);
        }
        return Files.readAllLines(ready);
    }

    private static TestNode.Party onboard(Http http, String operator, String role) {
        Map<String, Object> body = role.equals("merchant")
                ? Map.of("role", role, "name", "Shop", "country", "US", "settlement_currency", "USD",
                        "currencies", List.of("USD"), "merchant_category_code", "5411")
                : Map.of("role", role, "name", "Wallet", "country", "CN", "settlement_currency", "USD",
                        "currencies", List.of("USD"));
        Http.Reply created = http.post(operator, "/v1/participants", body);
        Http.Reply key = http.post(operator, "/v1/participants/" + created.text("id") + "/api_keys", null);
        return new TestNode.Party(created.text("id"), key.text("secret"));
    }

    private static String shopper(Http http, TestNode.Party wallet) {
        String id = http.post(wallet.key(), "/v1/customers", Map.of("currencies", List.of("USD"))).text("id");
        Http.Reply topUp = http.post(wallet.key(), "/v1/customers/" + id + "/top_ups", Map.of("amount", TOP_UP, "currency", "USD"));
        assertThat(topUp.status()).isEqualTo(200);
        return id;
    }
}
