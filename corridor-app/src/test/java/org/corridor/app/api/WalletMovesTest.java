package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Account wallets over HTTP: a customer pays a customer of another wallet, and takes money out of its balance. */
@Timeout(60)
class WalletMovesTest {
    @TempDir
    Path directory;

    @Test
    void aCustomerPaysACustomerOfAnotherWalletAndWithdrawsTheRest() {
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory)) {
            Http http = node.http();
            TestNode.Party alipayLike = node.walletProvider("CNY");
            TestNode.Party otherWallet = node.walletProvider("CNY");
            String li = node.customer(alipayLike, "CNY", 50_000);
            String wang = node.customer(otherWallet, "CNY", 0);

            Http.Reply sent = http.post(alipayLike.key(), "/v1/customers/" + li + "/transfers",
                    Map.of("to_customer", wang, "amount", 12_000, "currency", "CNY", "description", "rent share"));
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            assertThat(sent.text("object")).isEqualTo("wallet_transfer");
            assertThat(TestNode.posted(http.get(alipayLike.key(), "/v1/customers/" + li), "CNY")).isEqualTo(38_000);
            assertThat(TestNode.posted(http.get(otherWallet.key(), "/v1/customers/" + wang), "CNY")).isEqualTo(12_000);

            Http.Reply tooMuch = http.post(otherWallet.key(), "/v1/customers/" + wang + "/transfers",
                    Map.of("to_customer", li, "amount", 12_001, "currency", "CNY"));
            assertThat(tooMuch.status()).isEqualTo(402);
            assertThat(tooMuch.errorCode()).isEqualTo("insufficient_funds");
            Http.Reply notItsCustomer = http.post(otherWallet.key(), "/v1/customers/" + li + "/transfers",
                    Map.of("to_customer", wang, "amount", 1, "currency", "CNY"));
            assertThat(notItsCustomer.status()).isEqualTo(404);

            long fundingBefore = TestNode.posted(http.get(otherWallet.key(), "/v1/account"), "CNY");
            Http.Reply out = http.post(otherWallet.key(), "/v1/customers/" + wang + "/withdrawals",
                    Map.of("amount", 12_000, "currency", "CNY"));
            assertThat(out.status()).as(out.body()).isEqualTo(200);
            assertThat(TestNode.posted(http.get(otherWallet.key(), "/v1/customers/" + wang), "CNY")).isZero();
            assertThat(TestNode.posted(http.get(otherWallet.key(), "/v1/account"), "CNY")).isEqualTo(fundingBefore + 12_000);
            Http.Reply empty = http.post(otherWallet.key(), "/v1/customers/" + wang + "/withdrawals",
                    Map.of("amount", 1, "currency", "CNY"));
            assertThat(empty.status()).isEqualTo(402);
            Http.Reply usd = http.post(alipayLike.key(), "/v1/customers/" + li + "/withdrawals",
                    Map.of("amount", 1, "currency", "USD"));
            assertThat(usd.status()).isEqualTo(400);
            assertThat(List.of(sent, out)).allMatch(reply -> reply.header("Request-Id") != null);

            // The shopper shows a payment code; a merchant scans it and charges the balance, once.
            TestNode.Party shop = node.participant(Map.of("role", "merchant", "name", "Kiosk", "country", "CN",
                    "settlement_currency", "CNY", "currencies", List.of("CNY"), "merchant_category_code", "5499"));
            Http.Reply issued = http.post(alipayLike.key(), "/v1/customers/" + li + "/payment_codes", null);
            assertThat(issued.status()).as(issued.body()).isEqualTo(200);
            String code = issued.text("code");
            assertThat(code).hasSize(18).startsWith("28");
            Http.Reply charged = http.post(shop.key(), "/v1/payment_codes/charge",
                    Map.of("code", code, "amount", 3_000, "currency", "CNY"));
            assertThat(charged.status()).as(charged.body()).isEqualTo(200);
            assertThat(charged.text("status")).isEqualTo("succeeded");
            assertThat(TestNode.posted(http.get(alipayLike.key(), "/v1/customers/" + li), "CNY")).isEqualTo(35_000);
            Http.Reply again = http.post(shop.key(), "/v1/payment_codes/charge",
                    Map.of("code", code, "amount", 3_000, "currency", "CNY"));
            assertThat(again.errorCode()).isEqualTo("payment_code_used");
            assertThat(charged.body()).doesNotContain(code);
            Http.Reply unknown = http.post(shop.key(), "/v1/payment_codes/charge",
                    Map.of("code", "280000000000000000", "amount", 1, "currency", "CNY"));
            assertThat(unknown.status()).isEqualTo(404);
        }
    }
}
