package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Marketplace escrow over HTTP (the Taobao flow): the shopper pays the marketplace's order into escrow; the wallet
 * confirms a partial shipment, the rest goes to the seller at the deadline; a second order is disputed in time and its
 * rest refunded to the cent. No money is made or lost on the way.
 */
@Timeout(120)
class EscrowTest {
    private static final long DAY_SECONDS = 24 * 3600;
    private static final int SELLER_FEE_BASIS_POINTS = 100;

    @TempDir
    Path directory;

    @Test
    void anOrderIsReleasedInPartsAndAtItsDeadlineAndAnotherIsRefundedByADispute() {
        MovableClock clock = new MovableClock();
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory, TestNode.RATE_LIMIT_FOR_TESTS, clock)) {
            Http http = node.http();
            TestNode.Party marketplace = node.participant(Map.of("role", "marketplace", "name", "Bazaar", "country", "CN",
                    "settlement_currency", "CNY", "currencies", List.of("CNY"), "merchant_category_code", "5399",
                    "fee_basis_points", 200));
            TestNode.Party seller = node.merchant(SELLER_FEE_BASIS_POINTS, "CNY");
            TestNode.Party wallet = node.walletProvider("CNY");
            TestNode.Party otherWallet = node.walletProvider("CNY");
            String shopper = node.customer(wallet, "CNY", 50_000);

            Http.Reply notAMarketplace = http.post(seller.key(), "/v1/payment_intents", order(20_000, seller.id()));
            assertThat(notAMarketplace.status()).isEqualTo(403);
            Http.Reply sellerIsNoMerchant = http.post(marketplace.key(), "/v1/payment_intents", order(20_000, wallet.id()));
            assertThat(sellerIsNoMerchant.status()).isEqualTo(404);

            // Paid into escrow: the marketplace receives nothing, the seller nothing yet.
            String escrow = paidOrder(http, marketplace, seller, wallet, shopper, 20_000);
            assertThat(TestNode.posted(http.get(marketplace.key(), "/v1/account"), "CNY")).isZero();
            assertThat(TestNode.posted(http.get(seller.key(), "/v1/account"), "CNY")).isZero();
            assertThat(TestNode.posted(http.get(wallet.key(), "/v1/customers/" + shopper), "CNY")).isEqualTo(30_000);
            Http.Reply held = http.get(seller.key(), "/v1/escrows/" + escrow);
            assertThat(held.text("status")).isEqualTo("held");
            assertThat(held.text("buyer_wallet_provider")).isEqualTo(wallet.id());
            assertThat(held.text("customer")).isEqualTo(shopper);
            assertThat(http.get(otherWallet.key(), "/v1/escrows/" + escrow).status()).isEqualTo(404);
            Http.Reply refund = http.post(marketplace.key(), "/v1/refunds", Map.of("payment_intent",
                    held.text("payment_intent")));
            assertThat(refund.errorCode()).isEqualTo("payment_intent_unexpected_state");

            // A partial shipment releases part, with the seller's fee on that part.
            assertThat(http.post(otherWallet.key(), "/v1/escrows/" + escrow + "/confirm_delivery", Map.of("amount", 1))
                    .status()).isEqualTo(404);
            Http.Reply tooMuch = http.post(wallet.key(), "/v1/escrows/" + escrow + "/confirm_delivery",
                    Map.of("amount", 20_001));
            assertThat(tooMuch.status()).isEqualTo(400);
            assertThat(tooMuch.errorCode()).isEqualTo("amount_too_large");
            Http.Reply part = http.post(wallet.key(), "/v1/escrows/" + escrow + "/confirm_delivery",
                    Map.of("amount", 5_000));
            assertThat(part.status()).as(part.body()).isEqualTo(200);
            assertThat(part.text("status")).isEqualTo("partially_released");
            assertThat(TestNode.posted(http.get(seller.key(), "/v1/account"), "CNY")).isEqualTo(5_000 - 50);

            // The rest at the deadline, by the sweeper; a dispute is then too late.
            clock.advance(Duration.ofDays(7).plusSeconds(1));
            node.node().sweep();
            Http.Reply released = http.get(marketplace.key(), "/v1/escrows/" + escrow);
            assertThat(released.text("status")).isEqualTo("released");
            assertThat(released.number("amount_released")).isEqualTo(20_000);
            assertThat(released.number("fee")).isEqualTo(200);
            assertThat(TestNode.posted(http.get(seller.key(), "/v1/account"), "CNY")).isEqualTo(20_000 - 200);
            Http.Reply late = http.post(wallet.key(), "/v1/escrows/" + escrow + "/dispute", null);
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.errorCode()).isEqualTo("escrow_deadline_passed");

            // A second order: one item shipped, the rest disputed in time and refunded to the cent.
            String disputed = paidOrder(http, marketplace, seller, wallet, shopper, 12_345);
            assertThat(http.post(wallet.key(), "/v1/escrows/" + disputed + "/confirm_delivery", Map.of("amount", 2_000))
                    .status()).isEqualTo(200);
            assertThat(http.post(marketplace.key(), "/v1/escrows/" + disputed + "/dispute", null).status())
                    .as("only the buyer's wallet provider disputes").isEqualTo(404);
            Http.Reply refunded = http.post(wallet.key(), "/v1/escrows/" + disputed + "/dispute", null);
            assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
            assertThat(refunded.text("status")).isEqualTo("refunded");
            assertThat(refunded.number("amount_refunded")).isEqualTo(10_345);
            assertThat(TestNode.posted(http.get(wallet.key(), "/v1/customers/" + shopper), "CNY"))
                    .isEqualTo(50_000 - 20_000 - 2_000);
            Http.Reply intent = http.get(marketplace.key(), "/v1/payment_intents/" + refunded.text("payment_intent"));
            assertThat(intent.number("amount_refunded")).isEqualTo(10_345);
            Http.Reply refunds = http.get(marketplace.key(), "/v1/refunds?payment_intent=" + intent.text("id"));
            assertThat(refunds.json().at("/data/0/reason").asString()).isEqualTo("disputed");
            assertThat(http.post(wallet.key(), "/v1/escrows/" + disputed + "/dispute", null).errorCode())
                    .isEqualTo("escrow_closed");

            // Nothing made or lost: the balances of every party add up to zero (the escrows hold nothing now).
            long sum = 0;
            for (TestNode.Party party : List.of(marketplace, seller, wallet, otherWallet)) {
                sum += TestNode.posted(http.get(party.key(), "/v1/account"), "CNY");
            }
            sum += TestNode.posted(http.get(wallet.key(), "/v1/customers/" + shopper), "CNY");
            long operator = TestNode.posted(http.get(node.operatorKey, "/v1/account"), "CNY");
            assertThat(operator).isEqualTo(200 + 20);
            assertThat(sum + operator).isZero();
            assertThat(http.get(marketplace.key(), "/v1/escrows").json().get("data").size()).isEqualTo(2);
            assertThat(http.get(marketplace.key(), "/v1/escrows?limit=1").json().get("has_more").asBoolean()).isTrue();
        }
    }

    private static Map<String, Object> order(long amount, String sellerId) {
        return Map.of("amount", amount, "currency", "CNY",
                "escrow", Map.of("seller", sellerId, "release_after_seconds", 7 * DAY_SECONDS));
    }

    /** A marketplace order for {@code seller}, paid by the wallet from its customer's balance; returns the escrow. */
    private static String paidOrder(Http http, TestNode.Party marketplace, TestNode.Party seller, TestNode.Party wallet,
            String customer, long amount) {
        Http.Reply created = http.post(marketplace.key(), "/v1/payment_intents", order(amount, seller.id()));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String escrow = "esc_" + created.text("id").substring("pi_".length());
        Http.Reply early = http.post(marketplace.key(), "/v1/escrows/" + escrow + "/release", null);
        assertThat(early.errorCode()).isEqualTo("escrow_awaiting_payment");
        Http.Reply paid = http.post(wallet.key(), "/v1/payment_intents/" + created.text("id") + "/confirm",
                Map.of("client_secret", created.text("client_secret"),
                        "payment_method", Map.of("type", "customer_balance", "customer", customer)));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.number("fee_amount")).isZero();
        return escrow;
    }
}
