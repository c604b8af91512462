package org.corridor.sim.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.corridor.codec.card.Luhn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SimulatedBanksTest {

    @Test
    void theDefaultSeedsTwoHundredFiftyBanksAcrossTheThreeNetworksWithDistinctBins() {
        SimulatedBanks banks = SimulatedBanks.generate(7, SimulatedBanks.BANKS_DEFAULT);
        assertThat(banks.all()).hasSizeGreaterThanOrEqualTo(250);
        Map<CardNetwork, Integer> perNetwork = new EnumMap<>(CardNetwork.class);
        List<String> bins = banks.all().stream().flatMap(bank -> bank.bins().stream()).toList();
        for (SimulatedBank bank : banks.all()) {
            perNetwork.merge(bank.network(), 1, Integer::sum);
            for (String bin : bank.bins()) assertThat(CardNetwork.of(bin)).isEqualTo(bank.network());
        }
        assertThat(perNetwork).containsOnlyKeys(CardNetwork.values());
        assertThat(perNetwork.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(80));
        assertThat(new HashSet<>(bins)).hasSameSizeAs(bins);
        for (String bin : bins) {
            for (String other : bins) {
                if (!bin.equals(other)) assertThat(other).doesNotStartWith(bin);
            }
        }
        Set<String> ids = new HashSet<>();
        banks.all().forEach(bank -> ids.add(bank.id()));
        assertThat(ids).hasSize(banks.all().size());
    }

    @Test
    void theSameSeedGivesTheSameBanksAndBalances() {
        SimulatedBanks first = SimulatedBanks.generate(99, 300);
        SimulatedBanks second = SimulatedBanks.generate(99, 300);
        assertThat(second.all()).isEqualTo(first.all());
        String pan = first.cardNumber(first.all().get(5), 3);
        assertThat(second.cardNumber(second.all().get(5), 3)).isEqualTo(pan);
        assertThat(second.account(pan).balanceMinor()).isEqualTo(first.account(pan).balanceMinor());
        assertThat(first.account(pan).balanceMinor())
                .isBetween(SimulatedBanks.OPENING_BALANCE_MINOR_MIN, SimulatedBanks.OPENING_BALANCE_MINOR_MAX);
        assertThat(SimulatedBanks.generate(100, 300).all()).isNotEqualTo(first.all());
    }

    @Test
    void cardNumbersAreLuhnValidAndRouteToTheirBank() {
        SimulatedBanks banks = SimulatedBanks.generate(1, 250);
        for (SimulatedBank bank : banks.all()) {
            String pan = banks.cardNumber(bank, 0);
            assertThat(Luhn.isValidPan(pan)).isTrue();
            assertThat(banks.issuerOf(pan)).contains(bank);
        }
        assertThat(banks.issuerOf(Luhn.withCheckDigit("300000000000000"))).isEmpty();
    }

    @Test
    void anAccountsDescriptionAndErrorsNeverShowTheWholePan() {
        SimulatedBanks banks = SimulatedBanks.generate(1, 10);
        String unknown = Luhn.withCheckDigit("300000123456789");
        assertThatThrownBy(() -> banks.account(unknown))
                .hasMessageNotContaining(unknown)
                .hasMessageContaining("300000******");
        String pan = banks.cardNumber(banks.all().getFirst(), 0);
        assertThat(banks.account(pan).toString()).doesNotContain(pan);
        ActivityEntry entry = new ActivityEntry(ActivityKind.PURCHASE, Pans.mask(pan), 1, "T1", 1, null, "00", "", 0);
        assertThat(entry.toString()).doesNotContain(pan).contains(pan.substring(0, 6));
    }
}
