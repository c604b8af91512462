package org.corridor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.corridor.sim.issuer.SimulatedBanks;
import org.corridor.sim.wallet.DeviceWallet;
import org.corridor.sim.wallet.TestCard;
import org.corridor.sim.wallet.TestCards;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.UnpredictableNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The card benchmark's agreement check: three books of the same authorizations, compared bank by bank. */
@Timeout(10)
class CardLedgerCheckTest {

    @Test
    void booksThatAgreeHold() {
        CardLedgerCheck.Report report = CardLedgerCheck.compare(Map.of("bank-1", 500L, "bank-2", 0L),
                Map.of("bank-1", 500L), Map.of("bank-1", 500L));
        assertThat(report.holds()).isTrue();
        assertThat(report.banksChecked()).isEqualTo(2);
        assertThat(report.mismatched()).isEmpty();
    }

    @Test
    void eachBookThatDisagreesMakesItsBankAMismatch() {
        // One line per book out of step, then a bank that one book lacks altogether.
        record Case(long corridor, long issuer, long clients, boolean holds) {}
        List<Case> cases = List.of(
                new Case(100, 100, 100, true),
                new Case(101, 100, 100, false),
                new Case(100, 99, 100, false),
                new Case(100, 100, 0, false));
        for (Case each : cases) {
            CardLedgerCheck.Report report = CardLedgerCheck.compare(Map.of("bank-1", each.corridor()),
                    Map.of("bank-1", each.issuer()), Map.of("bank-1", each.clients()));
            assertThat(report.holds()).as(each.toString()).isEqualTo(each.holds());
        }
        CardLedgerCheck.Report missing = CardLedgerCheck.compare(Map.of(), Map.of("bank-9", 7L), Map.of("bank-9", 7L));
        assertThat(missing.mismatches()).isEqualTo(1);
        assertThat(missing.mismatched()).containsExactly(new CardLedgerCheck.Line("bank-9", 0, 7, 7));
    }

    @Test
    void holdsAreSummedPerBankWithACardOnTwoPhonesCountedOnce() {
        SimulatedBanks banks = SimulatedBanks.generate(7, 3);
        List<TestCard> cards = TestCards.spread(banks, 4, bank -> true);
        List<CardParties.EnrolledCard> enrolled = new ArrayList<>();
        for (TestCard card : cards) enrolled.add(enrolled(card, enrolled.size()));
        enrolled.add(enrolled(cards.getFirst(), enrolled.size())); // the first card again, on another phone
        Map<String, Long> held = CardLedgerCheck.issuerHolds(enrolled, number -> 10);

        long expectedFirstBank = cards.stream().filter(c -> c.bank().equals(cards.getFirst().bank())).count() * 10;
        assertThat(held.get(cards.getFirst().bank().id())).isEqualTo(expectedFirstBank);
        assertThat(held.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
    }

    private static CardParties.EnrolledCard enrolled(TestCard card, int phone) {
        return new CardParties.EnrolledCard(card, "tok_" + phone,
                DeviceWallet.of("phone-" + phone, UnpredictableNumbers.seeded(phone)), TokenDomain.IN_APP);
    }
}
