package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.wallet.DeviceWallet;
import org.corridor.sim.wallet.TokenDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A card of every one of the 250 simulated banks (Visa, Mastercard and UnionPay, twenty currencies from JPY with no
 * minor unit to BHD with three) is enrolled on a phone and pays once, by tap or in-app by turns, through ISO 8583 over
 * TCP; then the issuer's books and the ledger agree for every bank.
 */
@Timeout(300)
class EveryBankTest {
    @TempDir
    Path directory;

    @Test
    void aCardOfEverySimulatedBankEnrolsAndPays() {
        try (CardWorld world = CardWorld.start("sqlite", directory)) {
            List<SimulatedBank> banks = world.simulator.banks().all();
            assertThat(banks).hasSize(250);
            List<String> failures = new ArrayList<>();
            int index = 0;
            for (SimulatedBank bank : banks) {
                world.simulator.banks().setDeclinePerMille(bank.id(), 0);
                DeviceWallet phone = world.newPhone();
                TokenDomain domain = index++ % 2 == 0 ? TokenDomain.CONTACTLESS : TokenDomain.IN_APP;
                CardWorld.Provisioned token = world.enrol(bank, 1, 10_000_000, phone, domain);
                Http.Reply paid = world.pay(token, 100, "automatic");
                if (paid.status() != 200) failures.add(bank.id() + " " + bank.network() + ": " + paid);
                long held = world.simulator.banks().account(token.cardNumber()).heldMinor();
                Http.Reply issuer = world.http().get(world.node.operatorKey, "/v1/participants/" + world.issuerOf(bank));
                if (held != 100 || TestNode.posted(issuer, bank.currency().getCurrencyCode()) != -100) {
                    failures.add(bank.id() + ": issuer holds " + held + ", ledger shows " + issuer.body());
                }
            }
            assertThat(failures).isEmpty();
            Map<String, Long> networks = new TreeMap<>();
            banks.forEach(b -> networks.merge(b.network().name(), 1L, Long::sum));
            assertThat(networks).containsOnlyKeys("VISA", "MASTERCARD", "UNIONPAY");
        }
    }
}
