package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-currency payments over HTTP: a CNY wallet shopper pays a US merchant that is paid in USD, with a quote taken
 * beforehand and at the market rate; the liquidity provider's positions move by exactly what crossed, and every
 * refusal of a quote is its own clear error. Expected amounts are worked out here from the published rate and the
 * spread with decimal arithmetic, not with the switch's own conversion code.
 */
@Timeout(60)
class FxPaymentTest {
    /** USD/CNY in {@link TestNode#RATES}. */
    private static final BigDecimal USD_CNY = new BigDecimal("7.1234");
    /** The default spread: 50 basis points. */
    private static final BigDecimal CUSTOMER_SHARE = new BigDecimal("0.995");

    @TempDir
    Path directory;

    /** Fen a shopper pays for the merchant to receive {@code cents}: the mid rate less the spread, rounded up. */
    private static long fenFor(long cents) {
        return BigDecimal.valueOf(cents).multiply(USD_CNY).divide(CUSTOMER_SHARE, 0, RoundingMode.CEILING).longValueExact();
    }

    @Test
    void aCnyShopperPaysAUsMerchantInUsdThroughTheLiquidityProvider() {
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory)) {
            Http http = node.http();
            TestNode.Party fx = node.participant(Map.of("role", "fx_provider", "name", "Liquidity", "country", "HK",
                    "settlement_currency", "USD", "currencies", List.of("USD", "CNY")));
            TestNode.Party shop = node.merchant(290, "USD");
            TestNode.Party wallet = node.walletProvider("CNY");
            String li = node.customer(wallet, "CNY", 1_000_000);

            Http.Reply quote = http.post(wallet.key(), "/v1/fx_quotes",
                    Map.of("sell_currency", "CNY", "buy_currency", "USD", "buy_amount", 10_000));
            assertThat(quote.status()).as(quote.body()).isEqualTo(200);
            assertThat(quote.number("sell_amount")).isEqualTo(fenFor(10_000)).isEqualTo(71_592);
            assertThat(quote.text("status")).isEqualTo("open");
            assertThat(quote.text("liquidity_provider")).isEqualTo(fx.id());
            assertThat(quote.number("usd_equivalent")).isEqualTo(10_000);

            Http.Reply intent = http.post(shop.key(), "/v1/payment_intents",
                    Map.of("amount", 10_000, "currency", "USD", "capture_method", "manual"));
            String intentId = intent.text("id");
            Http.Reply confirmed = http.post(wallet.key(), "/v1/payment_intents/" + intentId + "/confirm",
                    Map.of("client_secret", intent.text("client_secret"), "fx_quote", quote.text("id"),
                            "payment_method", Map.of("type", "customer_balance", "customer", li)));
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
            assertThat(confirmed.text("status")).isEqualTo("requires_capture");
            assertThat(confirmed.json().get("conversion").get("sell_amount").asLong()).isEqualTo(71_592);
            assertThat(available(http.get(wallet.key(), "/v1/customers/" + li), "CNY")).isEqualTo(1_000_000 - 71_592);

            Http.Reply again = http.post(wallet.key(), "/v1/payment_intents/" + newIntent(http, shop, 10_000) + "/confirm",
                    Map.of("fx_quote", quote.text("id"), "payment_method", Map.of("type", "customer_balance",
                            "customer", li), "client_secret", "x"));
            assertThat(again.status()).isEqualTo(404);

            // A partial capture posts the captured amount's price in CNY; the rest of the hold goes back.
            Http.Reply captured = http.post(shop.key(), "/v1/payment_intents/" + intentId + "/capture",
                    Map.of("amount_to_capture", 6_000));
            assertThat(captured.status()).as(captured.body()).isEqualTo(200);
            long paidFen = fenFor(6_000);
            assertThat(captured.json().get("conversion").get("sell_amount_received").asLong()).isEqualTo(paidFen);
            assertThat(TestNode.posted(http.get(wallet.key(), "/v1/customers/" + li), "CNY")).isEqualTo(1_000_000 - paidFen);
            assertThat(available(http.get(wallet.key(), "/v1/customers/" + li), "CNY")).isEqualTo(1_000_000 - paidFen);
            assertThat(TestNode.posted(http.get(shop.key(), "/v1/account"), "USD")).isEqualTo(6_000 - 174);
            assertThat(TestNode.posted(http.get(fx.key(), "/v1/account"), "CNY")).isEqualTo(paidFen);
            assertThat(TestNode.posted(http.get(fx.key(), "/v1/account"), "USD")).isEqualTo(-6_000);

            // A partial refund returns the shopper's share, rounded down; the last refund returns the rest exactly.
            Http.Reply refund = http.post(shop.key(), "/v1/refunds", Map.of("payment_intent", intentId, "amount", 2_000));
            assertThat(refund.status()).as(refund.body()).isEqualTo(200);
            long firstBack = paidFen * 2_000 / 6_000;
            assertThat(TestNode.posted(http.get(wallet.key(), "/v1/customers/" + li), "CNY"))
                    .isEqualTo(1_000_000 - paidFen + firstBack);
            Http.Reply rest = http.post(shop.key(), "/v1/refunds", Map.of("payment_intent", intentId));
            assertThat(rest.status()).as(rest.body()).isEqualTo(200);
            assertThat(TestNode.posted(http.get(wallet.key(), "/v1/customers/" + li), "CNY")).isEqualTo(1_000_000);
            assertThat(TestNode.posted(http.get(fx.key(), "/v1/account"), "CNY")).isZero();
            assertThat(TestNode.posted(http.get(fx.key(), "/v1/account"), "USD")).isZero();

            // Without a quote, a shopper holding no USD pays at the market rate of the moment, quoted in the same write.
            String atMarket = newIntent(http, shop, 5_000);
            Http.Reply paid = http.post(wallet.key(), "/v1/payment_intents/" + atMarket + "/confirm",
                    Map.of("client_secret", secretOf(http, shop, atMarket), "payment_method",
                            Map.of("type", "customer_balance", "customer", li)));
            assertThat(paid.status()).as(paid.body()).isEqualTo(200);
            assertThat(paid.text("status")).isEqualTo("succeeded");
            String marketQuote = paid.json().get("conversion").get("fx_quote").asString();
            assertThat(paid.json().get("conversion").get("sell_amount_received").asLong()).isEqualTo(fenFor(5_000));
            Http.Reply used = http.get(wallet.key(), "/v1/fx_quotes/" + marketQuote);
            assertThat(used.text("status")).isEqualTo("used");
            assertThat(used.text("payment_intent")).isEqualTo(atMarket);
            assertThat(TestNode.posted(http.get(wallet.key(), "/v1/customers/" + li), "CNY"))
                    .isEqualTo(1_000_000 - fenFor(5_000));
        }
    }

    @Test
    void quotesAreRefusedClearly() throws InterruptedException {
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory)) {
            Http http = node.http();
            node.participant(Map.of("role", "fx_provider", "name", "Liquidity", "country", "HK",
                    "settlement_currency", "USD", "currencies", List.of("USD", "CNY")));
            TestNode.Party shop = node.merchant(0, "USD");
            TestNode.Party wallet = node.walletProvider("CNY");
            String li = node.customer(wallet, "CNY", 100_000);

            Http.Reply byMerchant = http.post(shop.key(), "/v1/fx_quotes",
                    Map.of("sell_currency", "CNY", "buy_currency", "USD", "buy_amount", 100));
            assertThat(byMerchant.status()).isEqualTo(403);
            Http.Reply noLiquidity = http.post(wallet.key(), "/v1/fx_quotes",
                    Map.of("sell_currency", "CNY", "buy_currency", "JPY", "buy_amount", 100));
            assertThat(noLiquidity.status()).isEqualTo(422);
            assertThat(noLiquidity.errorCode()).isEqualTo("fx_liquidity_unavailable");
            Http.Reply noRate = http.post(wallet.key(), "/v1/fx_quotes",
                    Map.of("sell_currency", "CNY", "buy_currency", "THB", "buy_amount", 100));
            assertThat(noRate.status()).isEqualTo(422);
            assertThat(noRate.errorCode()).isEqualTo("fx_rate_unavailable");
            Http.Reply both = http.post(wallet.key(), "/v1/fx_quotes",
                    Map.of("sell_currency", "CNY", "buy_currency", "USD", "buy_amount", 100, "sell_amount", 700));
            assertThat(both.status()).isEqualTo(400);
            Http.Reply same = http.post(wallet.key(), "/v1/fx_quotes",
                    Map.of("sell_currency", "USD", "buy_currency", "USD", "buy_amount", 100));
            assertThat(same.status()).isEqualTo(400);
            Http.Reply tooLong = http.post(wallet.key(), "/v1/fx_quotes",
                    Map.of("sell_currency", "CNY", "buy_currency", "USD", "buy_amount", 100, "lifetime_seconds", 901));
            assertThat(tooLong.status()).isEqualTo(400);

            Http.Reply quote = http.post(wallet.key(), "/v1/fx_quotes",
                    Map.of("sell_currency", "CNY", "buy_currency", "USD", "buy_amount", 1_000));
            String intent = newIntent(http, shop, 999);
            Http.Reply mismatch = confirm(http, wallet, shop, intent, li, quote.text("id"));
            assertThat(mismatch.status()).isEqualTo(400);
            assertThat(mismatch.errorCode()).isEqualTo("fx_quote_mismatch");
            String first = newIntent(http, shop, 1_000);
            assertThat(confirm(http, wallet, shop, first, li, quote.text("id")).status()).isEqualTo(200);
            Http.Reply reused = confirm(http, wallet, shop, newIntent(http, shop, 1_000), li, quote.text("id"));
            assertThat(reused.status()).isEqualTo(409);
            assertThat(reused.errorCode()).isEqualTo("fx_quote_used");
            Http.Reply unknown = confirm(http, wallet, shop, newIntent(http, shop, 1_000), li,
                    "fxq_00000000000000000000000000000000");
            assertThat(unknown.status()).isEqualTo(404);

            Http.Reply brief = http.post(wallet.key(), "/v1/fx_quotes",
                    Map.of("sell_currency", "CNY", "buy_currency", "USD", "buy_amount", 1_000, "lifetime_seconds", 1));
            Thread.sleep(1_100);
            Http.Reply expired = confirm(http, wallet, shop, newIntent(http, shop, 1_000), li, brief.text("id"));
            assertThat(expired.status()).isEqualTo(409);
            assertThat(expired.errorCode()).isEqualTo("fx_quote_expired");
            assertThat(http.get(wallet.key(), "/v1/fx_rates").json().get("data").size()).isEqualTo(TestNode.RATES.size());
            assertThat(http.get(wallet.key(), "/v1/fx_quotes").json().get("data").size()).isEqualTo(2);
        }
    }

    private static Http.Reply confirm(Http http, TestNode.Party wallet, TestNode.Party shop, String intent, String customer,
            String quote) {
        return http.post(wallet.key(), "/v1/payment_intents/" + intent + "/confirm",
                Map.of("client_secret", secretOf(http, shop, intent), "fx_quote", quote,
                        "payment_method", Map.of("type", "customer_balance", "customer", customer)));
    }

    private static String newIntent(Http http, TestNode.Party shop, long amount) {
        Http.Reply intent = http.post(shop.key(), "/v1/payment_intents", Map.of("amount", amount, "currency", "USD"));
        assertThat(intent.status()).as(intent.body()).isEqualTo(200);
        return intent.text("id");
    }

    private static String secretOf(Http http, TestNode.Party shop, String intent) {
        return http.get(shop.key(), "/v1/payment_intents/" + intent).text("client_secret");
    }

    private static long available(Http.Reply withBalances, String currency) {
        for (var balance : withBalances.json().get("balances")) {
            if (balance.get("currency").asString().equals(currency)) return balance.get("available").asLong();
        }
        throw new AssertionError("no " + currency + " balance in " + withBalances.body());
    }
}
