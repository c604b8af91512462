package org.corridor.sim.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.corridor.codec.card.Luhn;
import org.corridor.sim.issuer.CardNetwork;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.issuer.SimulatedBanks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TestCardsTest {
    private final SimulatedBanks banks = SimulatedBanks.generate(1, 250);

    @Test
    void twentyCardsTouchEveryNetworkAndTwentyBanks() {
        List<TestCard> cards = TestCards.spread(banks, 20, bank -> true);
        assertThat(cards).hasSize(20);
        Map<CardNetwork, Integer> perNetwork = new EnumMap<>(CardNetwork.class);
        Set<String> bankIds = new HashSet<>();
        for (TestCard card : cards) {
            perNetwork.merge(card.bank().network(), 1, Integer::sum);
            bankIds.add(card.bank().id());
        }
        assertThat(perNetwork).containsOnlyKeys(CardNetwork.values());
        assertThat(perNetwork.values()).allSatisfy(count -> assertThat(count).isBetween(6, 7));
        assertThat(bankIds).hasSize(20);
        assertThat(cards.stream().map(card -> card.bank().currency()).distinct().count()).isGreaterThan(5);
    }

    @Test
    void eachCardIsIssuedByItsBankInItsCurrency() {
        for (TestCard card : TestCards.spread(banks, 600, bank -> true)) {
            String number = card.details().number();
            assertThat(Luhn.isValidPan(number)).isTrue();
            SimulatedBank issuer = banks.issuerOf(number).orElseThrow();
            assertThat(issuer).isEqualTo(card.bank());
            assertThat(issuer.currency()).isEqualTo(card.bank().currency());
            assertThat(CardNetwork.of(number)).isEqualTo(card.bank().network());
            assertThat(number).isEqualTo(banks.cardNumber(card.bank(), card.index()));
        }
    }

    @Test
    void moreCardsThanBanksGoOnToFurtherCardsOfTheSameBanks() {
        List<TestCard> cards = TestCards.spread(banks, 600, bank -> true);
        Set<String> numbers = new HashSet<>();
        for (TestCard card : cards) numbers.add(card.details().number());
        assertThat(numbers).hasSize(600);
        assertThat(cards.stream().mapToInt(TestCard::index).max().orElseThrow()).isGreaterThan(0);
    }

    @Test
    void skipsBanksThatAreNotUsableAndIsDeterministic() {
        Set<String> skipped = Set.of("bank-001", "bank-002", "bank-005");
        List<TestCard> cards = TestCards.spread(banks, 50, bank -> !skipped.contains(bank.id()));
        assertThat(cards).noneMatch(card -> skipped.contains(card.bank().id()));
        assertThat(TestCards.spread(SimulatedBanks.generate(1, 250), 50, bank -> !skipped.contains(bank.id())))
                .isEqualTo(cards);
        assertThatThrownBy(() -> TestCards.spread(banks, 1, bank -> false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TestCards.spread(banks, 0, bank -> false)).isEmpty();
    }

    @Test
    void onlyOneNetworkLeftStillGivesCards() {
        List<TestCard> cards = TestCards.spread(banks, 10, bank -> bank.network() == CardNetwork.UNIONPAY);
        assertThat(cards).hasSize(10).allMatch(card -> card.bank().network() == CardNetwork.UNIONPAY);
    }

    @Test
    void printsMasked() {
        TestCard card = TestCards.spread(banks, 1, bank -> true).getFirst();
        assertThat(card.toString()).doesNotContain(card.details().number()).contains(card.maskedNumber());
    }
}
