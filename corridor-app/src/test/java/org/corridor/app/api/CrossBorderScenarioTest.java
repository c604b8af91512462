package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.wallet.TokenDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mission in one test, through the documented API only: a Chinese shopper with a CNY account wallet and one with
 * a UnionPay card in a token wallet each pay a US shop that is paid in USD, and a Chinese QR merchant paid in CNY;
 * the wallet shopper also buys from a marketplace, whose order is held in escrow until delivery is confirmed.
 */
@Timeout(120)
class CrossBorderScenarioTest {
    @TempDir
    Path directory;

    @Test
    void bothKindsOfChineseShopperPayAUsShopAndAChineseQrMerchantWithEscrowForAMarketplaceOrder() {
        try (CardWorld world = CardWorld.start("sqlite", directory)) {
            Http http = world.http();
            TestNode node = world.node;
            TestNode.Party liquidity = node.participant(Map.of("role", "fx_provider", "name", "Liquidity",
                    "country", "HK", "settlement_currency", "USD", "currencies", List.of("USD", "CNY")));
            TestNode.Party usShop = node.merchant(290, "USD");
            TestNode.Party qrMerchant = node.participant(Map.of("role", "merchant", "name", "Noodle Bar",
                    "country", "CN", "settlement_currency", "CNY", "currencies", List.of("CNY"),
                    "merchant_category_code", "5812", "metadata", Map.of("city", "Shanghai")));
            TestNode.Party marketplace = node.participant(Map.of("role", "marketplace", "name", "Bazaar",
                    "country", "US", "settlement_currency", "USD", "currencies", List.of("USD"),
                    "merchant_category_code", "5399"));
            TestNode.Party alipayLike = node.walletProvider("CNY");
            String wallet = node.customer(alipayLike, "CNY", 1_000_000);

            // 1. The account-wallet shopper pays the US shop in USD from CNY, at the market rate.
            Http.Reply usIntent = http.post(usShop.key(), "/v1/payment_intents", Map.of("amount", 2_500, "currency", "USD"));
            Http.Reply usPaid = http.post(alipayLike.key(), "/v1/payment_intents/" + usIntent.text("id") + "/confirm",
                    Map.of("client_secret", usIntent.text("client_secret"),
                            "payment_method", Map.of("type", "customer_balance", "customer", wallet)));
            assertThat(usPaid.status()).as(usPaid.body()).isEqualTo(200);
            assertThat(usPaid.text("status")).isEqualTo("succeeded");
            long usFen = usPaid.json().at("/conversion/sell_amount_received").asLong();
            assertThat(usFen).isPositive();

            // 2. It scans the Chinese merchant's QR code and pays in CNY.
            Http.Reply qr = http.post(qrMerchant.key(), "/v1/qr_codes", Map.of("amount", 3_800, "currency", "CNY"));
            Http.Reply qrPaid = http.post(alipayLike.key(), "/v1/qr_payments",
                    Map.of("payload", qr.text("payload"), "customer", wallet));
            assertThat(qrPaid.status()).as(qrPaid.body()).isEqualTo(200);

            // 3. A marketplace order from the US shop, paid from CNY into escrow, released when delivery is confirmed.
            Http.Reply order = http.post(marketplace.key(), "/v1/payment_intents", Map.of("amount", 4_000,
                    "currency", "USD", "escrow", Map.of("seller", usShop.id())));
            Http.Reply orderPaid = http.post(alipayLike.key(), "/v1/payment_intents/" + order.text("id") + "/confirm",
                    Map.of("client_secret", order.text("client_secret"),
                            "payment_method", Map.of("type", "customer_balance", "customer", wallet)));
            assertThat(orderPaid.status()).as(orderPaid.body()).isEqualTo(200);
            long orderFen = orderPaid.json().at("/conversion/sell_amount_received").asLong();
            String escrow = "esc_" + order.text("id").substring("pi_".length());
            assertThat(http.get(marketplace.key(), "/v1/escrows/" + escrow).text("status")).isEqualTo("held");
            long shopBefore = TestNode.posted(http.get(usShop.key(), "/v1/account"), "USD");
            Http.Reply delivered = http.post(alipayLike.key(), "/v1/escrows/" + escrow + "/confirm_delivery", Map.of());
            assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
            assertThat(delivered.text("status")).isEqualTo("released");
            assertThat(TestNode.posted(http.get(usShop.key(), "/v1/account"), "USD") - shopBefore)
                    .isEqualTo(4_000 - 4_000 * 290 / 10_000);
            assertThat(TestNode.posted(http.get(alipayLike.key(), "/v1/customers/" + wallet), "CNY"))
                    .isEqualTo(1_000_000 - usFen - 3_800 - orderFen);

            // 4. The token-wallet shopper: a UnionPay card billed in CNY taps at the US shop, then pays the QR code.
            SimulatedBank bank = world.bankIn("CNY");
            world.simulator.banks().setDeclinePerMille(bank.id(), 0);
            CardWorld.Provisioned card = world.enrol(bank, 1, 1_000_000, world.newPhone(), TokenDomain.IN_APP);
            String tap = world.createIntent(usShop, 1_500, "USD", "automatic");
            Http.Reply cardPaid = world.confirm(usShop, tap, card.phone().present(card.tokenId(), 1_500,
                    Currency.getInstance("USD"), usShop.id(), null));
            assertThat(cardPaid.status()).as(cardPaid.body()).isEqualTo(200);
            assertThat(cardPaid.json().at("/conversion/sell_currency").asString()).isEqualTo("CNY");
            Http.Reply cardQr = http.post(qrMerchant.key(), "/v1/qr_codes", Map.of("amount", 2_200, "currency", "CNY"));
            Http.Reply cardQrPaid = http.post(world.wallet.key(), "/v1/qr_payments", Map.of("payload",
                    cardQr.text("payload"), "payment_method", card.phone().present(card.tokenId(), 2_200,
                            Currency.getInstance("CNY"), qrMerchant.id(), null).paymentMethodJson()));
            assertThat(cardQrPaid.status()).as(cardQrPaid.body()).isEqualTo(200);
            long cardFen = cardPaid.json().at("/conversion/sell_amount_received").asLong();
            assertThat(world.simulator.banks().account(card.cardNumber()).heldMinor()).isEqualTo(cardFen + 2_200);

            // The liquidity provider took every CNY the shoppers paid for USD, less whole units of rounding residue,
            // and paid out every USD.
            Http.Reply positions = http.get(liquidity.key(), "/v1/account");
            assertThat(TestNode.posted(positions, "USD")).isEqualTo(-(2_500 + 4_000 + 1_500));
            assertThat(TestNode.posted(positions, "CNY")).isBetween(usFen + orderFen + cardFen - 3, usFen + orderFen + cardFen);
            assertThat(TestNode.posted(http.get(qrMerchant.key(), "/v1/account"), "CNY")).isEqualTo(3_800 + 2_200);
        }
    }
}
