package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.corridor.sim.issuer.ActivityKind;
import org.corridor.sim.issuer.Fault;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.TokenPresentment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the card rails remember across restarts and faults: admitted counters, reversals not yet acknowledged, and
 * that after a run with issuer faults the issuer's books and Corridor's ledger agree to the cent.
 */
@Timeout(180)
class CardRecoveryTest {
    @TempDir
    Path directory;

    @Test
    void aReplayIsRefusedAndAnUnacknowledgedReversalIsRepeatedAfterARestart() throws Exception {
        try (CardWorld world = CardWorld.start("sqlite", directory)) {
            SimulatedBank bank = world.bankIn("EUR");
            world.simulator.banks().setDeclinePerMille(bank.id(), 0);
            CardWorld.Provisioned token = world.enrol(bank, 1, 50_000, world.newPhone(), TokenDomain.CONTACTLESS);
            TestNode.Party merchant = world.merchant("EUR");
            TokenPresentment first = token.phone().present(token.tokenId(), 800, bank.currency(), merchant.id(), "TERM0001");
            assertThat(world.confirm(merchant, world.createIntent(merchant, 800, "EUR", "automatic"), first).status())
                    .isEqualTo(200);

            // The bank stops answering: the next payment times out and its reversal goes unanswered too.
            world.simulator.faults().ratio(Fault.NO_REPLY, bank.id(), 1000);
            Http.Reply unanswered = world.pay(token, 1_300, "automatic");
            assertThat(unanswered.errorCode()).as(unanswered.body()).isEqualTo("issuer_unavailable");
            String authorization = unanswered.json().path("error").path("payment_intent").path("payment_method")
                    .path("device_token").path("authorization").asString();
            Eventually.holds(Duration.ofSeconds(20), () -> assertThat(world.http().get(merchant.key(),
                    "/v1/card_authorizations/" + authorization).number("reversal_attempts")).isPositive());
            // The bank acted on the authorization and on the first reversal but answered neither: the hold is
            // released there, while Corridor, unanswered, keeps the reversal pending.
            assertThat(world.simulator.banks().account(token.cardNumber()).heldMinor()).isEqualTo(800);
            assertThat(world.http().get(merchant.key(), "/v1/card_authorizations/" + authorization).text("status"))
                    .isEqualTo("reversal_pending");

            world.node.restart(() -> world.simulator.faults().clear());

            Eventually.holds(Duration.ofSeconds(20), () -> assertThat(world.http().get(merchant.key(),
                    "/v1/card_authorizations/" + authorization).text("status")).isEqualTo("reversed"));
            assertThat(world.simulator.banks().account(token.cardNumber()).heldMinor()).isEqualTo(800);
            assertThat(world.simulator.activity().of(bank.id(), ActivityKind.REVERSAL)).as("reversed once").hasSize(1);
            assertThat(world.simulator.activity().of(bank.id(), ActivityKind.REVERSAL_UNMATCHED))
                    .as("the repeats found it reversed already").isNotEmpty();
            Http.Reply replay = world.confirm(merchant, world.createIntent(merchant, 800, "EUR", "automatic"), first);
            assertThat(replay.errorCode()).as(replay.body()).isEqualTo("atc_lower");
            assertThat(world.pay(token, 800, "automatic").status()).isEqualTo(200);
        }
    }

    @Test
    void afterARunWithIssuerFaultsTheIssuersBooksAndTheLedgerAgree() throws Exception {
        try (CardWorld world = CardWorld.start("sqlite", directory)) {
            List<SimulatedBank> banks = List.of(world.bankIn("USD"), world.bankIn("EUR"), world.bankIn("JPY"));
            List<CardWorld.Provisioned> tokens = new ArrayList<>();
            for (SimulatedBank bank : banks) {
                world.simulator.banks().setDeclinePerMille(bank.id(), 0);
                for (int card = 1; card <= 3; card++) {
                    tokens.add(world.enrol(bank, card, 5_000_000, world.newPhone(), TokenDomain.IN_APP));
                }
                // Then a twentieth declined "05", a tenth of requests unanswered, a twentieth answered twice, a
                // fiftieth answered with garbage.
                world.simulator.banks().setDeclinePerMille(bank.id(), 50);
                world.simulator.faults().ratio(Fault.NO_REPLY, bank.id(), 100);
                world.simulator.faults().ratio(Fault.DUPLICATE_REPLY, bank.id(), 50);
                world.simulator.faults().ratio(Fault.GARBAGE_FRAME, bank.id(), 20);
            }
            SplittableRandom random = new SplittableRandom(42);
            Map<String, Integer> outcomes = new HashMap<>();
            for (int i = 0; i < 150; i++) {
                CardWorld.Provisioned token = tokens.get(random.nextInt(tokens.size()));
                String currency = token.bank().currency().getCurrencyCode();
                boolean manual = random.nextBoolean();
                Http.Reply paid = world.pay(token, 100 + random.nextInt(5_000), manual ? "manual" : "automatic");
                String outcome = paid.status() == 200 ? paid.text("status") : paid.errorCode();
                outcomes.merge(outcome, 1, Integer::sum);
                if (paid.status() == 200 && manual) {
                    String action = random.nextBoolean() ? "/capture" : "/cancel";
                    Http.Reply next = world.http().post(world.merchant(currency).key(),
                            "/v1/payment_intents/" + paid.text("id") + action, Map.of());
                    assertThat(next.status()).as(next.body()).isEqualTo(200);
                }
            }
            world.simulator.faults().clear();
            assertThat(outcomes).containsKeys("succeeded", "issuer_unavailable");
            Eventually.holds(Duration.ofSeconds(60), () -> assertThat(world.node.node().reversalsPending()).isZero());

            for (SimulatedBank bank : banks) {
                String currency = bank.currency().getCurrencyCode();
                long held = tokens.stream().filter(t -> t.bank().equals(bank))
                        .mapToLong(t -> world.simulator.banks().account(t.cardNumber()).heldMinor()).sum();
                Http.Reply issuer = world.http().get(world.node.operatorKey, "/v1/participants/" + world.issuerOf(bank));
                long owed = 0;
                for (var balance : issuer.json().get("balances")) {
                    if (!balance.get("currency").asString().equals(currency)) continue;
                    owed = balance.get("debits_posted").asLong() + balance.get("debits_pending").asLong()
                            - balance.get("credits_posted").asLong();
                }
                assertThat(owed).as("what Corridor holds against " + bank.id() + " equals the issuer's holds").isEqualTo(held);
                assertThat(world.simulator.activity().of(bank.id(), ActivityKind.REVERSAL_UNMATCHED))
                        .as("every reversal found its original").allMatch(entry -> entry.responseCode().equals("00"));
            }
        }
    }
}
