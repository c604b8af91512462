package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Idempotency-Key}: one effect per key, the first reply replayed byte for byte (errors included, and after a
 * restart), 422 for the same key with another request, 409 while the first is in flight.
 */
@Timeout(180)
class IdempotencyTest {
    static final int RACERS = 32;

    @TempDir
    Path directory;


    @ParameterizedTest
    @MethodSource("org.corridor.store.testing.TestStores#kinds")
    void concurrentRetriesOfOneKeyHaveExactlyOneEffectAndIdenticalReplies(String store) throws Exception {
        try (TestNode node = TestNode.start(store, directory)) {
            Http http = node.http();
            TestNode.Party merchant = node.merchant(0, "USD");
            TestNode.Party wallet = node.walletProvider("USD");
            String shopper = node.customer(wallet, "USD", 1_000);
            Http.Reply created = http.post(merchant.key(), "/v1/payment_intents", Map.of("amount", 10, "currency", "USD"));
            String confirmPath = "/v1/payment_intents/" + created.text("id") + "/confirm";
            Map<String, Object> confirm = Map.of("client_secret", created.text("client_secret"),
                    "payment_method", Map.of("type", "customer_balance", "customer", shopper));

            List<Http.Reply> replies = race(() -> http.post(wallet.key(), confirmPath, confirm, "Idempotency-Key", "race-1"));

            List<Http.Reply> done = replies.stream().filter(r -> r.status() == 200).toList();
            assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 409));
            assertThat(done).isNotEmpty();
            assertThat(done.stream().map(Http.Reply::body).distinct()).hasSize(1);
            replies.stream().filter(r -> r.status() == 409)
                    .forEach(r -> assertThat(r.errorCode()).isEqualTo("idempotency_key_in_use"));
            // Exactly one payment: 10 left the shopper, once.
            assertThat(TestNode.posted(http.get(wallet.key(), "/v1/customers/" + shopper), "USD")).isEqualTo(990);
            Http.Reply later = http.post(wallet.key(), confirmPath, confirm, "Idempotency-Key", "race-1");
            assertThat(later.body()).isEqualTo(done.getFirst().body());
            assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
        }
    }

    @ParameterizedTest
    @MethodSource("org.corridor.store.testing.TestStores#kinds")
    void concurrentCreatesWithOneKeyCreateOneIntent(String store) throws Exception {
        try (TestNode node = TestNode.start(store, directory)) {
            Http http = node.http();
            TestNode.Party merchant = node.merchant(0, "USD");
            Map<String, Object> body = Map.of("amount", 700, "currency", "USD");
            List<Http.Reply> replies = race(() -> http.post(merchant.key(), "/v1/payment_intents", body,
                    "Idempotency-Key", "create-once"));
            Set<String> ids = new HashSet<>();
            replies.stream().filter(r -> r.status() == 200).forEach(r -> ids.add(r.text("id")));
            assertThat(ids).hasSize(1);
            assertThat(http.get(merchant.key(), "/v1/payment_intents?limit=100").json().get("data")).hasSize(1);
        }
    }

    @Test
    void errorsAreReplayedTooAndSurviveARestart() {
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory)) {
            Http http = node.http();
            TestNode.Party merchant = node.merchant(0, "USD");
            TestNode.Party wallet = node.walletProvider("USD");
            String shopper = node.customer(wallet, "USD", 5);
            Http.Reply created = http.post(merchant.key(), "/v1/payment_intents", Map.of("amount", 10, "currency", "USD"));
            String path = "/v1/payment_intents/" + created.text("id") + "/confirm";
            Map<String, Object> confirm = Map.of("client_secret", created.text("client_secret"),
                    "payment_method", Map.of("type", "customer_balance", "customer", shopper));
            Http.Reply declined = http.post(wallet.key(), path, confirm, "Idempotency-Key", "decline-1");
            assertThat(declined.status()).isEqualTo(402);

            // A validation error is kept too: the same bad request gets the same 400, even once the request would pass.
            Http.Reply invalid = http.post(merchant.key(), "/v1/payment_intents", Map.of("amount", 0, "currency", "USD"),
                    "Idempotency-Key", "bad-1");
            assertThat(invalid.status()).isEqualTo(400);

            http.post(wallet.key(), "/v1/customers/" + shopper + "/top_ups", Map.of("amount", 100, "currency", "USD"));
            node.restart();
            http = node.http();

            Http.Reply replayed = http.post(wallet.key(), path, confirm, "Idempotency-Key", "decline-1");
            assertThat(replayed.status()).isEqualTo(402);
            assertThat(replayed.body()).isEqualTo(declined.body());
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
            Http.Reply invalidAgain = http.post(merchant.key(), "/v1/payment_intents",
                    Map.of("amount", 0, "currency", "USD"), "Idempotency-Key", "bad-1");
            assertThat(invalidAgain.status()).isEqualTo(400);
            assertThat(invalidAgain.body()).isEqualTo(invalid.body());

            Http.Reply fresh = http.post(wallet.key(), path, confirm, "Idempotency-Key", "decline-2");
            assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
            assertThat(fresh.header("Idempotent-Replayed")).isNull();
        }
    }

    @Test
    void theSameKeyWithAnotherRequestIs422AndKeysAreScopedToTheirOwner() {
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory)) {
            Http http = node.http();
            TestNode.Party merchant = node.merchant(0, "USD");
            TestNode.Party other = node.merchant(0, "USD");
            Http.Reply first = http.post(merchant.key(), "/v1/payment_intents", Map.of("amount", 10, "currency", "USD"),
                    "Idempotency-Key", "k");
            Http.Reply changed = http.post(merchant.key(), "/v1/payment_intents", Map.of("amount", 11, "currency", "USD"),
                    "Idempotency-Key", "k");
            assertThat(changed.status()).isEqualTo(422);
            assertThat(changed.errorType()).isEqualTo("idempotency_error");
            assertThat(changed.errorCode()).isEqualTo("idempotency_key_reused");
            Http.Reply otherPath = http.post(merchant.key(), "/v1/payment_intents/" + first.text("id") + "/cancel", null,
                    "Idempotency-Key", "k");
            assertThat(otherPath.status()).isEqualTo(422);

            Http.Reply othersKey = http.post(other.key(), "/v1/payment_intents", Map.of("amount", 10, "currency", "USD"),
                    "Idempotency-Key", "k");
            assertThat(othersKey.status()).isEqualTo(200);
            assertThat(othersKey.text("id")).isNotEqualTo(first.text("id"));

            Http.Reply tooLong = http.post(merchant.key(), "/v1/payment_intents", Map.of("amount", 10, "currency", "USD"),
                    "Idempotency-Key", "x".repeat(256));
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.errorCode()).isEqualTo("idempotency_key_invalid");
            Http.Reply longest = http.post(merchant.key(), "/v1/payment_intents", Map.of("amount", 10, "currency", "USD"),
                    "Idempotency-Key", "x".repeat(255));
            assertThat(longest.status()).isEqualTo(200);
        }
    }

    /** Sends {@link #RACERS} copies of a request at once, released together. */
    private static List<Http.Reply> race(java.util.concurrent.Callable<Http.Reply> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Http.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Http.Reply> replies = new ArrayList<>();
            for (Future<Http.Reply> future : futures) replies.add(future.get());
            return replies;
        }
    }
}
