package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.corridor.app.reconcile.SimulatorRecords;
import org.corridor.core.reconciliation.Reconciliation;
import org.corridor.core.reconciliation.ReconciliationBreak;
import org.corridor.sim.issuer.Fault;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.wallet.TokenDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corridor's card authorizations reconciled with the issuer simulator's own books over real ISO 8583: a clean run
 * has no break; a reversal whose acknowledgement is lost, and an answer sent twice, show up as the breaks they are,
 * and the lost acknowledgement clears once the reversal is repeated.
 */
@Timeout(120)
class ReconciliationTest {
    @TempDir
    Path directory;

    private static Reconciliation.Report reconcile(CardWorld world) {
        return Reconciliation.run(world.node.node().cardAuthorizations(0), SimulatorRecords.of(world.simulator, 0),
                world.node.node().duplicateReplies());
    }

    @Test
    void aCleanRunHasNoBreakAndInjectedFaultsShowAsTheirBreaks() throws Exception {
        try (CardWorld world = CardWorld.start("sqlite", directory)) {
            SimulatedBank bank = world.bankIn("USD");
            world.simulator.banks().setDeclinePerMille(bank.id(), 0);
            List<CardWorld.Provisioned> tokens = new ArrayList<>();
            for (int card = 1; card <= 3; card++) {
                tokens.add(world.enrol(bank, card, 1_000_000, world.newPhone(), TokenDomain.IN_APP));
            }
            TestNode.Party merchant = world.merchant("USD");
            for (int i = 0; i < 9; i++) {
                Http.Reply paid = world.pay(tokens.get(i % 3), 1_000 + i, i % 3 == 0 ? "manual" : "automatic");
                assertThat(paid.status()).as(paid.body()).isEqualTo(200);
                if (i % 3 == 0) {
                    Http.Reply voided = world.http().post(merchant.key(), "/v1/payment_intents/" + paid.text("id")
                            + (i == 0 ? "/cancel" : "/capture"), Map.of());
                    assertThat(voided.status()).as(voided.body()).isEqualTo(200);
                }
            }
            Eventually.holds(Duration.ofSeconds(30), () -> assertThat(world.node.node().reversalsPending()).isZero());
            Reconciliation.Report clean = reconcile(world);
            assertThat(clean.breaks()).as("a clean run").isEmpty();
            assertThat(clean.matched()).isEqualTo(9).isEqualTo(clean.authorizations());

            // The issuer reverses but its acknowledgement never comes back: Corridor repeats the reversal meanwhile.
            Http.Reply held = world.pay(tokens.get(0), 2_500, "manual");
            world.simulator.faults().ratio(Fault.NO_REPLY, bank.id(), 1000);
            Http.Reply canceled = world.http().post(merchant.key(), "/v1/payment_intents/" + held.text("id") + "/cancel",
                    Map.of());
            assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
            Eventually.holds(Duration.ofSeconds(30), () -> assertThat(reconcile(world).breaks())
                    .extracting(ReconciliationBreak::kind).containsExactly(ReconciliationBreak.Kind.REVERSAL_UNACKNOWLEDGED));
            world.simulator.faults().clear();
            Eventually.holds(Duration.ofSeconds(60), () -> assertThat(reconcile(world).breaks()).isEmpty());

            // An answer sent twice: the link used the first, and reconciliation says so.
            world.simulator.faults().next(Fault.DUPLICATE_REPLY, bank.id(), 1);
            assertThat(world.pay(tokens.get(1), 700, "automatic").status()).isEqualTo(200);
            Eventually.holds(Duration.ofSeconds(30), () -> assertThat(reconcile(world).breaks())
                    .extracting(ReconciliationBreak::kind).containsExactly(ReconciliationBreak.Kind.DUPLICATE_REPLY));
        }
    }
}
