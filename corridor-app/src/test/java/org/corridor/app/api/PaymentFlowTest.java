package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A merchant and a shopper onboarded, paying, capturing, refunding and canceling through the API alone, with the
 * money checked to the cent on the ledger after each step, on both stores.
 */
@Timeout(120)
class PaymentFlowTest {
    @TempDir
    Path directory;


    @ParameterizedTest
    @MethodSource("org.corridor.store.testing.TestStores#kinds")
    void manualCapturePartialCaptureAndRefunds(String store) {
        try (TestNode node = TestNode.start(store, directory)) {
            Http http = node.http();
            TestNode.Party merchant = node.merchant(290, "USD");
            TestNode.Party wallet = node.walletProvider("USD");
            String shopper = node.customer(wallet, "USD", 10_000);

            Http.Reply created = http.post(merchant.key(), "/v1/payment_intents", Map.of("amount", 2_500, "currency",
                    "usd", "capture_method", "manual", "description", "Order 1", "metadata", Map.of("order", "1")));
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            assertThat(created.text("status")).isEqualTo("requires_payment_method");
            assertThat(created.text("currency")).isEqualTo("USD");
            assertThat(created.json().get("metadata").get("order").asString()).isEqualTo("1");
            String intent = created.text("id");
            assertThat(intent).startsWith("pi_");

            Http.Reply confirmed = http.post(wallet.key(), "/v1/payment_intents/" + intent + "/confirm",
                    Map.of("client_secret", created.text("client_secret"),
                            "payment_method", Map.of("type", "customer_balance", "customer", shopper)));
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
            assertThat(confirmed.text("status")).isEqualTo("requires_capture");
            assertThat(confirmed.number("amount_capturable")).isEqualTo(2_500);
            Http.Reply reserved = http.get(wallet.key(), "/v1/customers/" + shopper);
            assertThat(reserved.json().get("balances").get(0).get("available").asLong()).isEqualTo(7_500);
            assertThat(TestNode.posted(reserved, "USD")).isEqualTo(10_000);

            Http.Reply captured = http.post(merchant.key(), "/v1/payment_intents/" + intent + "/capture",
                    Map.of("amount_to_capture", 2_000));
            assertThat(captured.status()).as(captured.body()).isEqualTo(200);
            assertThat(captured.text("status")).isEqualTo("succeeded");
            assertThat(captured.number("amount_received")).isEqualTo(2_000);
            assertThat(captured.number("fee_amount")).isEqualTo(58); // 2.9 % of 2,000
            assertThat(TestNode.posted(http.get(wallet.key(), "/v1/customers/" + shopper), "USD")).isEqualTo(8_000);
            assertThat(TestNode.posted(http.get(merchant.key(), "/v1/account"), "USD")).isEqualTo(2_000 - 58);
            assertThat(TestNode.posted(http.get(node.operatorKey, "/v1/account"), "USD")).isEqualTo(58);

            Http.Reply partial = http.post(merchant.key(), "/v1/refunds", Map.of("payment_intent", intent, "amount", 500));
            assertThat(partial.status()).as(partial.body()).isEqualTo(200);
            Http.Reply tooMuch = http.post(merchant.key(), "/v1/refunds", Map.of("payment_intent", intent, "amount", 1_501));
            assertThat(tooMuch.status()).isEqualTo(400);
            assertThat(tooMuch.errorCode()).isEqualTo("amount_too_large");
            Http.Reply rest = http.post(merchant.key(), "/v1/refunds", Map.of("payment_intent", intent));
            assertThat(rest.status()).as(rest.body()).isEqualTo(200);
            assertThat(rest.number("amount")).isEqualTo(1_500);
            Http.Reply none = http.post(merchant.key(), "/v1/refunds", Map.of("payment_intent", intent));
            assertThat(none.status()).isEqualTo(409);

            assertThat(TestNode.posted(http.get(wallet.key(), "/v1/customers/" + shopper), "USD")).isEqualTo(10_000);
            assertThat(TestNode.posted(http.get(merchant.key(), "/v1/account"), "USD")).isEqualTo(-58);
            Http.Reply refunds = http.get(merchant.key(), "/v1/refunds?payment_intent=" + intent);
            assertThat(refunds.json().get("data")).hasSize(2);
            assertThat(http.get(merchant.key(), "/v1/payment_intents/" + intent).number("amount_refunded"))
                    .isEqualTo(2_000);
        }
    }

    @ParameterizedTest
    @MethodSource("org.corridor.store.testing.TestStores#kinds")
    void automaticCaptureDeclineCancelAndStateErrors(String store) {
        try (TestNode node = TestNode.start(store, directory)) {
            Http http = node.http();
            TestNode.Party merchant = node.merchant(100, "JPY");
            TestNode.Party wallet = node.walletProvider("JPY");
            String shopper = node.customer(wallet, "JPY", 5_000);

            // The merchant names the shopper's balance at creation; only the shopper's wallet provider can confirm it.
            Http.Reply named = http.post(merchant.key(), "/v1/payment_intents", Map.of("amount", 1_000, "currency",
                    "JPY", "payment_method", Map.of("type", "customer_balance", "customer", shopper)));
            assertThat(named.text("status")).isEqualTo("requires_confirmation");
            Http.Reply foreign = http.post(merchant.key(), "/v1/payment_intents/" + named.text("id") + "/confirm", null);
            assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
            assertThat(foreign.json().get("error").get("param").asString()).isEqualTo("payment_method[customer]");
            Http.Reply byWallet = http.post(wallet.key(), "/v1/payment_intents/" + named.text("id") + "/confirm",
                    Map.of("client_secret", named.text("client_secret")));
            assertThat(byWallet.status()).as(byWallet.body()).isEqualTo(200);
            assertThat(TestNode.posted(http.get(wallet.key(), "/v1/customers/" + shopper), "JPY")).isEqualTo(4_000);
            http.post(wallet.key(), "/v1/customers/" + shopper + "/top_ups", Map.of("amount", 1_000, "currency", "JPY"));

            Http.Reply created = http.post(merchant.key(), "/v1/payment_intents", Map.of("amount", 6_000, "currency", "JPY"));
            String intent = created.text("id");
            Map<String, Object> pay = Map.of("client_secret", created.text("client_secret"),
                    "payment_method", Map.of("type", "customer_balance", "customer", shopper));
            Http.Reply declined = http.post(wallet.key(), "/v1/payment_intents/" + intent + "/confirm", pay);
            assertThat(declined.status()).as(declined.body()).isEqualTo(402);
            assertThat(declined.errorType()).isEqualTo("payment_error");
            assertThat(declined.errorCode()).isEqualTo("insufficient_funds");
            assertThat(declined.json().get("error").get("payment_intent").get("status").asString())
                    .isEqualTo("requires_payment_method");
            assertThat(TestNode.posted(http.get(wallet.key(), "/v1/customers/" + shopper), "JPY")).isEqualTo(5_000);

            Http.Reply topUp = http.post(wallet.key(), "/v1/customers/" + shopper + "/top_ups",
                    Map.of("amount", 1_000, "currency", "JPY"));
            assertThat(topUp.status()).isEqualTo(200);
            Http.Reply paid = http.post(wallet.key(), "/v1/payment_intents/" + intent + "/confirm", pay);
            assertThat(paid.status()).as(paid.body()).isEqualTo(200);
            assertThat(paid.text("status")).isEqualTo("succeeded");
            assertThat(paid.number("fee_amount")).isEqualTo(60);
            assertThat(TestNode.posted(http.get(wallet.key(), "/v1/customers/" + shopper), "JPY")).isZero();
            assertThat(TestNode.posted(http.get(merchant.key(), "/v1/account"), "JPY")).isEqualTo(990 + 5_940);

            Http.Reply again = http.post(wallet.key(), "/v1/payment_intents/" + intent + "/confirm", pay);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.errorCode()).isEqualTo("payment_intent_unexpected_state");
            assertThat(http.post(merchant.key(), "/v1/payment_intents/" + intent + "/cancel", null).status()).isEqualTo(409);
            assertThat(http.post(merchant.key(), "/v1/payment_intents/" + intent + "/capture", null).status()).isEqualTo(409);

            Http.Reply second = http.post(merchant.key(), "/v1/payment_intents",
                    Map.of("amount", 100, "currency", "JPY", "capture_method", "manual"));
            Http.Reply canceled = http.post(merchant.key(), "/v1/payment_intents/" + second.text("id") + "/cancel",
                    Map.of("cancellation_reason", "abandoned"));
            assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
            assertThat(canceled.text("status")).isEqualTo("canceled");
            assertThat(canceled.text("cancellation_reason")).isEqualTo("abandoned");
            Http.Reply afterCancel = http.post(wallet.key(), "/v1/payment_intents/" + second.text("id") + "/confirm",
                    Map.of("client_secret", second.text("client_secret"),
                            "payment_method", Map.of("type", "customer_balance", "customer", shopper)));
            assertThat(afterCancel.status()).isEqualTo(409);

            Http.Reply listed = http.get(merchant.key(), "/v1/payment_intents?status=succeeded");
            assertThat(listed.json().get("data")).extracting(o -> o.get("id").asString())
                    .containsExactly(intent, named.text("id"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.corridor.store.testing.TestStores#kinds")
    void cancelingAReservationReleasesTheShoppersFunds(String store) {
        try (TestNode node = TestNode.start(store, directory)) {
            Http http = node.http();
            TestNode.Party merchant = node.merchant(0, "EUR");
            TestNode.Party wallet = node.walletProvider("EUR");
            String shopper = node.customer(wallet, "EUR", 900);
            Http.Reply created = http.post(merchant.key(), "/v1/payment_intents",
                    Map.of("amount", 900, "currency", "EUR", "capture_method", "manual"));
            Http.Reply confirmed = http.post(wallet.key(), "/v1/payment_intents/" + created.text("id") + "/confirm",
                    Map.of("client_secret", created.text("client_secret"),
                            "payment_method", Map.of("type", "customer_balance", "customer", shopper)));
            assertThat(confirmed.text("status")).isEqualTo("requires_capture");
            Http.Reply held = http.get(wallet.key(), "/v1/customers/" + shopper);
            assertThat(held.json().get("balances").get(0).get("available").asLong()).isZero();

            Http.Reply canceled = http.post(merchant.key(), "/v1/payment_intents/" + created.text("id") + "/cancel", null);
            assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
            Http.Reply released = http.get(wallet.key(), "/v1/customers/" + shopper);
            assertThat(released.json().get("balances").get(0).get("available").asLong()).isEqualTo(900);
            assertThat(TestNode.posted(http.get(merchant.key(), "/v1/account"), "EUR")).isZero();
        }
    }
}
