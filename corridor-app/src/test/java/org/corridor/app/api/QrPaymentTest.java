package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.corridor.codec.qr.MerchantPayload;
import org.corridor.codec.qr.MerchantPayloadParser;
import org.corridor.codec.qr.render.QrPng;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Alipay flow over HTTP: a merchant shows a QR code, a wallet provider pays it for its customer from the customer's
 * balance. Static codes take the shopper's amount; dynamic codes carry theirs and pay once; a damaged scan is refused
 * before anything is looked up.
 */
@Timeout(120)
class QrPaymentTest {
    @TempDir
    Path directory;

    @Test
    void aWalletPaysAMerchantsStaticAndDynamicCodesFromItsCustomersBalance() throws Exception {
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory)) {
            Http http = node.http();
            TestNode.Party shop = node.participant(Map.of("role", "merchant", "name", "Chengdu Tea House", "country", "CN",
                    "settlement_currency", "CNY", "currencies", List.of("CNY"), "merchant_category_code", "5812",
                    "fee_basis_points", 60, "metadata", Map.of("city", "Chengdu")));
            TestNode.Party wallet = node.walletProvider("CNY");
            String customer = node.customer(wallet, "CNY", 10_000);

            Http.Reply fixed = http.post(shop.key(), "/v1/qr_codes", Map.of("currency", "CNY"));
            assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
            assertThat(fixed.text("type")).isEqualTo("static");
            MerchantPayload scanned = MerchantPayloadParser.parse(fixed.text("payload"));
            assertThat(scanned.merchantName()).isEqualTo("Chengdu Tea House");
            assertThat(scanned.merchantCity()).isEqualTo("Chengdu");
            assertThat(scanned.currency().getCurrencyCode()).isEqualTo("CNY");
            assertThat(QrPng.render(scanned, 300)).isNotEmpty();

            Http.Reply noAmount = http.post(wallet.key(), "/v1/qr_payments",
                    Map.of("payload", fixed.text("payload"), "customer", customer));
            assertThat(noAmount.status()).isEqualTo(400);
            Http.Reply paid = http.post(wallet.key(), "/v1/qr_payments",
                    Map.of("payload", fixed.text("payload"), "customer", customer, "amount", 2_000));
            assertThat(paid.status()).as(paid.body()).isEqualTo(200);
            assertThat(paid.text("status")).isEqualTo("succeeded");
            assertThat(paid.text("merchant")).isEqualTo(shop.id());
            assertThat(paid.json().path("metadata").path("qr_code").asString()).isEqualTo(fixed.text("id"));
            // The static code stays usable.
            assertThat(http.post(wallet.key(), "/v1/qr_payments", Map.of("payload", fixed.text("payload"),
                    "customer", customer, "amount", 500)).status()).isEqualTo(200);

            Http.Reply dynamic = http.post(shop.key(), "/v1/qr_codes",
                    Map.of("amount", 1_288, "currency", "CNY", "reference", "table 9"));
            assertThat(MerchantPayloadParser.parse(dynamic.text("payload")).amountMinor()).hasValue(1_288);
            Http.Reply wrongAmount = http.post(wallet.key(), "/v1/qr_payments",
                    Map.of("payload", dynamic.text("payload"), "customer", customer, "amount", 1_000));
            assertThat(wrongAmount.errorCode()).isEqualTo("amount_mismatch");
            assertThat(http.post(wallet.key(), "/v1/qr_payments", Map.of("payload", dynamic.text("payload"),
                    "customer", customer)).status()).isEqualTo(200);
            Http.Reply again = http.post(wallet.key(), "/v1/qr_payments",
                    Map.of("payload", dynamic.text("payload"), "customer", customer));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.errorCode()).isEqualTo("qr_code_used");
            assertThat(http.get(shop.key(), "/v1/qr_codes/" + dynamic.text("id")).text("status")).isEqualTo("used");

            // Paid 2,000 + 500 + 1,288 = 3,788 of 10,000; the shop received them less its 0.6 % fee (12 + 3 + 8).
            Http.Reply balance = http.get(wallet.key(), "/v1/customers/" + customer);
            assertThat(TestNode.posted(balance, "CNY")).isEqualTo(10_000 - 3_788);
            assertThat(TestNode.posted(http.get(shop.key(), "/v1/account"), "CNY")).isEqualTo(3_788 - 23);

            Http.Reply tooDear = http.post(wallet.key(), "/v1/qr_payments",
                    Map.of("payload", fixed.text("payload"), "customer", customer, "amount", 9_000));
            assertThat(tooDear.status()).isEqualTo(402);
            assertThat(tooDear.errorCode()).isEqualTo("insufficient_funds");

            Http.Reply badReference = http.post(shop.key(), "/v1/qr_codes",
                    Map.of("amount", 100, "currency", "CNY", "reference", "桌 9"));
            assertThat(badReference.status()).isEqualTo(400);
            TestNode.Party chineseName = node.participant(Map.of("role", "merchant", "name", "成都茶馆", "country", "CN",
                    "settlement_currency", "CNY", "currencies", List.of("CNY"), "merchant_category_code", "5812"));
            Http.Reply latin = http.post(chineseName.key(), "/v1/qr_codes", Map.of("currency", "CNY"));
            assertThat(latin.status()).as(latin.body()).isEqualTo(200);
            assertThat(MerchantPayloadParser.parse(latin.text("payload")).merchantName()).startsWith("MERCHANT ");

            String payload = fixed.text("payload");
            String damaged = payload.substring(0, 20) + (payload.charAt(20) == 'A' ? 'B' : 'A') + payload.substring(21);
            Http.Reply refused = http.post(wallet.key(), "/v1/qr_payments",
                    Map.of("payload", damaged, "customer", customer, "amount", 100));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("qr_code_invalid");
            Http.Reply strangerCustomer = http.post(node.walletProvider("CNY").key(), "/v1/qr_payments",
                    Map.of("payload", payload, "customer", customer, "amount", 100));
            assertThat(strangerCustomer.status()).isEqualTo(404);
        }
    }
}
