package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refusal a client can meet, with its status, type, code and parameter: bad input loses nothing. */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorsTest {
    @TempDir
    static Path directory;

    private TestNode node;
    private Http http;
    private TestNode.Party merchant;
    private TestNode.Party wallet;

    @BeforeAll
    void onboard() {
        node = TestNode.start(TestStores.SQLITE, directory);
        http = node.http();
        merchant = node.merchant(0, "USD");
        wallet = node.walletProvider("USD");
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            {"currency":"USD"}                                  | 400 | parameter_missing  | amount
            {"amount":0,"currency":"USD"}                       | 400 | amount_invalid     | amount
            {"amount":1000000000000,"currency":"USD"}           | 400 | amount_invalid     | amount
            {"amount":-5,"currency":"USD"}                      | 400 | amount_invalid     | amount
            {"amount":1.5,"currency":"USD"}                     | 400 | parameter_invalid_integer | amount
            {"amount":"100","currency":"USD"}                   | 400 | parameter_invalid_integer | amount
            {"amount":100}                                      | 400 | parameter_missing  | currency
            {"amount":100,"currency":"XYZ"}                     | 400 | currency_invalid   | currency
            {"amount":100,"currency":"CNY"}                     | 400 | currency_not_supported | currency
            {"amount":100,"currency":"USD","capture_method":"later"} | 400 | parameter_invalid | capture_method
            {"amount":100,"currency":"USD","colour":"red"}      | 400 | parameter_unknown  | colour
            {"amount":100,"currency":"USD","confirm":true}      | 400 | parameter_unknown  | confirm
            {"amount":100,"currency":"USD","payment_method":{"type":"card"}} | 400 | payment_method_unsupported | payment_method[type]
            """)
    void createPaymentIntentRefusals(String body, int status, String code, String param) {
        Http.Reply reply = http.post(merchant.key(), "/v1/payment_intents", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.errorCode()).isEqualTo(code);
        assertThat(reply.json().get("error").get("param").asString()).isEqualTo(param);
    }

    @Test
    void metadataAndTextLimits() {
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 0; i < 51; i++) tooMany.put("k" + i, "v");
        assertRefused(Map.of("amount", 1, "currency", "USD", "metadata", tooMany), "metadata_invalid");
        assertRefused(Map.of("amount", 1, "currency", "USD", "metadata", Map.of("k".repeat(41), "v")), "metadata_invalid");
        assertRefused(Map.of("amount", 1, "currency", "USD", "metadata", Map.of("k", "v".repeat(501))),
                "parameter_too_long");
        assertRefused(Map.of("amount", 1, "currency", "USD", "description", "d".repeat(1_001)), "parameter_too_long");
        Http.Reply fits = http.post(merchant.key(), "/v1/payment_intents", Map.of("amount", 1, "currency", "USD",
                "description", "d".repeat(1_000), "metadata", Map.of("k".repeat(40), "v".repeat(500))));
        assertThat(fits.status()).as(fits.body()).isEqualTo(200);
    }

    private void assertRefused(Map<String, Object> body, String code) {
        Http.Reply reply = http.post(merchant.key(), "/v1/payment_intents", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(code);
    }

    @Test
    void rolesAreEnforcedOnWhatTheyMayCreate() {
        Http.Reply customerByMerchant = http.post(merchant.key(), "/v1/customers", Map.of("currencies", List.of("USD")));
        assertThat(customerByMerchant.status()).isEqualTo(403);
        assertThat(customerByMerchant.errorCode()).isEqualTo("role_not_allowed");
        Http.Reply intentByWallet = http.post(wallet.key(), "/v1/payment_intents", Map.of("amount", 1, "currency", "USD"));
        assertThat(intentByWallet.status()).isEqualTo(403);
        Http.Reply foreignCurrency = http.post(wallet.key(), "/v1/customers", Map.of("currencies", List.of("GBP")));
        assertThat(foreignCurrency.status()).isEqualTo(400);
        assertThat(foreignCurrency.errorCode()).isEqualTo("currency_not_supported");
        Http.Reply operatorRole = http.post(node.operatorKey, "/v1/participants", Map.of("role", "operator", "name", "x",
                "country", "US", "settlement_currency", "USD", "currencies", List.of("USD")));
        assertThat(operatorRole.status()).isEqualTo(400);
        Http.Reply noMcc = http.post(node.operatorKey, "/v1/participants", Map.of("role", "merchant", "name", "x",
                "country", "US", "settlement_currency", "USD", "currencies", List.of("USD")));
        assertThat(noMcc.json().get("error").get("param").asString()).isEqualTo("merchant_category_code");
        Http.Reply badCountry = http.post(node.operatorKey, "/v1/participants", Map.of("role", "issuer", "name", "x",
                "country", "XX", "settlement_currency", "USD", "currencies", List.of("USD")));
        assertThat(badCountry.json().get("error").get("param").asString()).isEqualTo("country");
    }

    @Test
    void revokedKeysStopWorkingAndKeysListWithoutSecrets() {
        Http.Reply created = http.post(merchant.key(), "/v1/api_keys", Map.of("name", "second"));
        String secret = created.text("secret");
        assertThat(http.get(secret, "/v1/account").status()).isEqualTo(200);
        Http.Reply listed = http.get(merchant.key(), "/v1/api_keys");
        assertThat(listed.body()).doesNotContain(secret).contains(created.text("id"));
        Http.Reply revoked = http.post(merchant.key(), "/v1/api_keys/" + created.text("id") + "/revoke", null);
        assertThat(revoked.text("status")).isEqualTo("revoked");
        Http.Reply refused = http.get(secret, "/v1/account");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("api_key_revoked");
    }

    @Test
    void paginationWalksNewestFirstWithACursor() {
        TestNode.Party shop = node.merchant(0, "USD");
        for (int i = 0; i < 7; i++) {
            http.post(shop.key(), "/v1/payment_intents", Map.of("amount", 100 + i, "currency", "USD"));
        }
        Http.Reply first = http.get(shop.key(), "/v1/payment_intents?limit=3");
        assertThat(first.json().get("has_more").asBoolean()).isTrue();
        assertThat(first.json().get("data")).extracting(o -> o.get("amount").asLong()).containsExactly(106L, 105L, 104L);
        String cursor = first.json().get("data").get(2).get("id").asString();
        Http.Reply second = http.get(shop.key(), "/v1/payment_intents?limit=3&starting_after=" + cursor);
        assertThat(second.json().get("data")).extracting(o -> o.get("amount").asLong()).containsExactly(103L, 102L, 101L);
        Http.Reply last = http.get(shop.key(), "/v1/payment_intents?limit=3&starting_after="
                + second.json().get("data").get(2).get("id").asString());
        assertThat(last.json().get("data")).hasSize(1);
        assertThat(last.json().get("has_more").asBoolean()).isFalse();
        assertThat(http.get(shop.key(), "/v1/payment_intents?limit=101").status()).isEqualTo(400);
        assertThat(http.get(shop.key(), "/v1/payment_intents?limit=0").status()).isEqualTo(400);
        assertThat(http.get(shop.key(), "/v1/payment_intents?colour=red").errorCode()).isEqualTo("parameter_unknown");
    }

    @Test
    void aKeyOverItsRateLimitIsToldWhenToRetry() {
        // One request a second: the second one comes sooner than that on any machine that can run this test.
        try (TestNode limited = TestNode.start(TestStores.SQLITE, directory.resolve("limited"), 1)) {
            Http.Reply last = limited.http().get(limited.operatorKey, "/v1/account");
            assertThat(last.status()).isEqualTo(200);
            for (int i = 0; i < 20 && last.status() == 200; i++) last = limited.http().get(limited.operatorKey, "/v1/account");
            assertThat(last.status()).isEqualTo(429);
            assertThat(last.errorCode()).isEqualTo("rate_limited");
            assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
        }
    }
}
