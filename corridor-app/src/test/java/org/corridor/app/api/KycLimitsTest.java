package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * KYC tier limits over HTTP: checked in the same write as the payment, so that concurrent payments of one customer
 * cannot overrun them, and met by every debit of a balance (payments, payment codes, transfers, withdrawals).
 */
@Timeout(90)
class KycLimitsTest {
    private static final int PAYMENTS = 20;
    private static final long PAYMENT = 700;
    private static final long DAILY = 10_000;
    private static final long BALANCE = 100_000;

    @TempDir
    Path directory;

    @Test
    void concurrentPaymentsOfOneCustomerNeverPassItsDailyLimit() throws Exception {
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory)) {
            Http http = node.http();
            TestNode.Party wallet = node.walletProvider("CNY");
            TestNode.Party shop = node.merchant(0, "CNY");
            Http.Reply tier = http.post(wallet.key(), "/v1/kyc_tiers", Map.of("name", "basic",
                    "limits", Map.of("cny", Map.of("per_payment", 5_000, "daily", DAILY)),
                    "cross_border_yearly_usd", 5_000_000));
            assertThat(tier.status()).as(tier.body()).isEqualTo(200);
            assertThat(tier.json().at("/limits/CNY/yearly").isNull()).isTrue();
            String li = tieredCustomer(node, wallet, "basic", BALANCE);

            List<Http.Reply> intents = new ArrayList<>();
            for (int i = 0; i < PAYMENTS; i++) {
                intents.add(http.post(shop.key(), "/v1/payment_intents", Map.of("amount", PAYMENT, "currency", "CNY")));
            }
            List<Http.Reply> answers = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Http.Reply>> sent = new ArrayList<>();
                for (Http.Reply intent : intents) {
                    sent.add(threads.submit(() -> http.post(wallet.key(),
                            "/v1/payment_intents/" + intent.text("id") + "/confirm", confirmation(intent, li))));
                }
                for (Future<Http.Reply> reply : sent) answers.add(reply.get(60, TimeUnit.SECONDS));
            }

            long fits = DAILY / PAYMENT;
            assertThat(answers.stream().filter(r -> r.status() == 200)).hasSize((int) fits);
            List<Http.Reply> refused = answers.stream().filter(r -> r.status() != 200).toList();
            assertThat(refused).hasSize(PAYMENTS - (int) fits).allSatisfy(reply -> {
                assertThat(reply.status()).as(reply.body()).isEqualTo(402);
                assertThat(reply.errorType()).isEqualTo("payment_error");
                assertThat(reply.errorCode()).isEqualTo("daily_limit_exceeded");
                assertThat(reply.json().at("/error/payment_intent/status").asString()).isEqualTo("requires_payment_method");
                assertThat(reply.json().at("/error/payment_intent/last_payment_error/code").asString())
                        .isEqualTo("daily_limit_exceeded");
            });
            Http.Reply customer = http.get(wallet.key(), "/v1/customers/" + li);
            assertThat(TestNode.posted(customer, "CNY")).isEqualTo(BALANCE - fits * PAYMENT);
            assertThat(customer.json().at("/limit_usage/daily/CNY").asLong()).isEqualTo(fits * PAYMENT);
            assertThat(customer.json().at("/limit_usage/yearly/CNY").asLong()).isEqualTo(fits * PAYMENT);
            assertThat(customer.json().at("/limit_usage/cross_border_yearly_usd").asLong()).isZero();
            assertThat(TestNode.posted(http.get(shop.key(), "/v1/account"), "CNY")).isEqualTo(fits * PAYMENT);

            // What is left of the day (10000 - 9800 = 200) is shared by every kind of debit.
            String wang = node.customer(wallet, "CNY", 0);
            Http.Reply tooMuch = http.post(wallet.key(), "/v1/customers/" + li + "/transfers",
                    Map.of("to_customer", wang, "amount", 201, "currency", "CNY"));
            assertThat(tooMuch.status()).isEqualTo(402);
            assertThat(tooMuch.errorCode()).isEqualTo("daily_limit_exceeded");
            assertThat(tooMuch.json().at("/error/param").asString()).isEqualTo("amount");
            Http.Reply rest = http.post(wallet.key(), "/v1/customers/" + li + "/transfers",
                    Map.of("to_customer", wang, "amount", 200, "currency", "CNY"));
            assertThat(rest.status()).as(rest.body()).isEqualTo(200);
            Http.Reply out = http.post(wallet.key(), "/v1/customers/" + li + "/withdrawals",
                    Map.of("amount", 1, "currency", "CNY"));
            assertThat(out.errorCode()).isEqualTo("daily_limit_exceeded");
            Http.Reply big = http.post(wallet.key(), "/v1/customers/" + li + "/withdrawals",
                    Map.of("amount", 5_001, "currency", "CNY"));
            assertThat(big.errorCode()).as("the per-payment limit is checked first").isEqualTo("per_payment_limit_exceeded");
            Http.Reply code = http.post(wallet.key(), "/v1/customers/" + li + "/payment_codes", null);
            Http.Reply charged = http.post(shop.key(), "/v1/payment_codes/charge",
                    Map.of("code", code.text("code"), "amount", 1, "currency", "CNY"));
            assertThat(charged.status()).isEqualTo(402);
            assertThat(charged.errorCode()).isEqualTo("daily_limit_exceeded");
            Http.Reply after = http.get(wallet.key(), "/v1/customers/" + li);
            assertThat(TestNode.posted(after, "CNY")).isEqualTo(BALANCE - DAILY);
            assertThat(after.json().at("/limit_usage/daily/CNY").asLong()).isEqualTo(DAILY);

            // Moved to a tier with room to spare, the customer pays again; what it used today still counts.
            Http.Reply verified = http.post(wallet.key(), "/v1/kyc_tiers", Map.of("name", "verified",
                    "limits", Map.of("CNY", Map.of("daily", DAILY + 500))));
            assertThat(verified.status()).as(verified.body()).isEqualTo(200);
            Http.Reply moved = http.post(wallet.key(), "/v1/customers/" + li, Map.of("kyc_tier", "verified"));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.text("kyc_tier")).isEqualTo("verified");
            assertThat(http.post(wallet.key(), "/v1/customers/" + li + "/withdrawals",
                    Map.of("amount", 501, "currency", "CNY")).errorCode()).isEqualTo("daily_limit_exceeded");
            assertThat(http.post(wallet.key(), "/v1/customers/" + li + "/withdrawals",
                    Map.of("amount", 500, "currency", "CNY")).status()).isEqualTo(200);
        }
    }

    @Test
    void aDebitTheBalanceCannotCoverUsesNoneOfTheLimitsAndATierAllowsItsCurrenciesOnly() {
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory)) {
            Http http = node.http();
            TestNode.Party wallet = node.walletProvider("CNY", "USD");
            Http.Reply tier = http.post(wallet.key(), "/v1/kyc_tiers", Map.of("name", "basic",
                    "limits", Map.of("CNY", Map.of("daily", DAILY))));
            assertThat(tier.status()).as(tier.body()).isEqualTo(200);
            Http.Reply customer = http.post(wallet.key(), "/v1/customers",
                    Map.of("currencies", List.of("CNY", "USD"), "kyc_tier", "basic"));
            String li = customer.text("id");
            http.post(wallet.key(), "/v1/customers/" + li + "/top_ups", Map.of("amount", 500, "currency", "CNY"));
            http.post(wallet.key(), "/v1/customers/" + li + "/top_ups", Map.of("amount", 500, "currency", "USD"));

            Http.Reply broke = http.post(wallet.key(), "/v1/customers/" + li + "/withdrawals",
                    Map.of("amount", 600, "currency", "CNY"));
            assertThat(broke.errorCode()).isEqualTo("insufficient_funds");
            assertThat(http.get(wallet.key(), "/v1/customers/" + li).json().get("limit_usage").isNull())
                    .as("a refused debit records no usage").isTrue();
            Http.Reply dollars = http.post(wallet.key(), "/v1/customers/" + li + "/withdrawals",
                    Map.of("amount", 1, "currency", "USD"));
            assertThat(dollars.status()).isEqualTo(402);
            assertThat(dollars.errorCode()).isEqualTo("currency_not_allowed_by_tier");
            assertThat(dollars.json().at("/error/param").asString()).isEqualTo("currency");

            Http.Reply unknown = http.post(wallet.key(), "/v1/customers", Map.of("currencies", List.of("CNY"),
                    "kyc_tier", "gold"));
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.errorCode()).isEqualTo("kyc_tier_unknown");
            Http.Reply notAWallet = http.post(node.merchant(0, "CNY").key(), "/v1/kyc_tiers", Map.of("name", "basic"));
            assertThat(notAWallet.status()).isEqualTo(403);
            Http.Reply listed = http.get(wallet.key(), "/v1/kyc_tiers");
            assertThat(listed.json().get("data")).hasSize(1);
        }
    }

    private static String tieredCustomer(TestNode node, TestNode.Party wallet, String tier, long amount) {
        Http.Reply created = node.http().post(wallet.key(), "/v1/customers",
                Map.of("currencies", List.of("CNY"), "kyc_tier", tier));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.text("kyc_tier")).isEqualTo(tier);
        String id = created.text("id");
        Http.Reply topUp = node.http().post(wallet.key(), "/v1/customers/" + id + "/top_ups",
                Map.of("amount", amount, "currency", "CNY"));
        assertThat(topUp.status()).as(topUp.body()).isEqualTo(200);
        return id;
    }

    private static Map<String, Object> confirmation(Http.Reply intent, String customer) {
        return Map.of("client_secret", intent.text("client_secret"),
                "payment_method", Map.of("type", "customer_balance", "customer", customer));
    }
}
