package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.TokenPresentment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Chinese shopper taps a UnionPay card (billed in CNY) at a US shop paid in USD: the issuer is asked, over
 * ISO 8583, for the CNY price at the market rate less the spread; the approval pays the shop in USD through the FX
 * liquidity provider; the refund goes back to the issuer in CNY. The simulated bank holds exactly what Corridor
 * reserved against it.
 */
@Timeout(120)
class CardFxPaymentTest {
    @TempDir
    Path directory;

    @Test
    void aCnyCardPaysAUsdMerchantThroughTheLiquidityProvider() {
        try (CardWorld world = CardWorld.start("sqlite", directory)) {
            world.node.participant(Map.of("role", "fx_provider", "name", "Liquidity", "country", "HK",
                    "settlement_currency", "USD", "currencies", List.of("USD", "CNY")));
            SimulatedBank bank = world.bankIn("CNY");
            world.simulator.banks().setDeclinePerMille(bank.id(), 0);
            CardWorld.Provisioned card = world.enrol(bank, 1, 1_000_000, world.newPhone(), TokenDomain.CONTACTLESS);
            TestNode.Party shop = world.merchant("USD");
            String intent = world.createIntent(shop, 1_000, "USD", "manual");
            TokenPresentment presented = card.phone().present(card.tokenId(), 1_000, Currency.getInstance("USD"),
                    shop.id(), "TERM0001");

            Http.Reply confirmed = world.confirm(shop, intent, presented);
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
            assertThat(confirmed.text("status")).isEqualTo("requires_capture");
            // USD/CNY 7.1234 less 50 basis points, rounded up for the house: worked out here, not by the switch.
            long fen = BigDecimal.valueOf(1_000).multiply(new BigDecimal("7.1234"))
                    .divide(new BigDecimal("0.995"), 0, RoundingMode.CEILING).longValueExact();
            assertThat(confirmed.json().at("/conversion/sell_currency").asString()).isEqualTo("CNY");
            assertThat(confirmed.json().at("/conversion/sell_amount").asLong()).isEqualTo(fen);
            assertThat(world.simulator.banks().account(card.cardNumber()).heldMinor()).isEqualTo(fen);

            Http.Reply captured = world.http().post(shop.key(), "/v1/payment_intents/" + intent + "/capture", Map.of());
            assertThat(captured.status()).as(captured.body()).isEqualTo(200);
            assertThat(captured.json().at("/conversion/sell_amount_received").asLong()).isEqualTo(fen);
            assertThat(world.postedBalance(shop.id(), "USD")).isEqualTo(1_000 - 20);
            String issuer = world.issuerOf(bank);
            assertThat(world.postedBalance(issuer, "CNY")).isEqualTo(-fen);

            Http.Reply refund = world.http().post(shop.key(), "/v1/refunds", Map.of("payment_intent", intent));
            assertThat(refund.status()).as(refund.body()).isEqualTo(200);
            assertThat(world.postedBalance(issuer, "CNY")).isZero();
        }
    }
}
