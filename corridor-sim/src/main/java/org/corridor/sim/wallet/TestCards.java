package org.corridor.sim.wallet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.corridor.sim.issuer.CardNetwork;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.issuer.SimulatedBanks;

/**
 * Picks test cards spread over the simulated banks: the networks take turns, and within a network the banks take
 * turns, so that a few cards already touch every network and many banks (and so many currencies). The card numbers
 * come from {@link SimulatedBanks#cardNumber}: the same banks and count give the same cards.
 */
public final class TestCards {
    /** The most cards one call picks. */
    public static final int CARDS_MAX = 100_000;
    /** The expiry every test card carries: far enough ahead that no run meets an expired card by accident. */
    public static final int EXP_MONTH = 12;
    /** See {@link #EXP_MONTH}. */
    public static final int EXP_YEAR = 2030;

    private static final List<String> CARDHOLDERS = List.of(
            "Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Edsger Dijkstra", "Barbara Liskov",
            "Tu Youyou", "Srinivasa Ramanujan", "Wangari Maathai", "Chien-Shiung Wu");

    private TestCards() {}

    /**
     * {@code count} cards from the banks that {@code usable} accepts.
     *
     * @throws IllegalArgumentException if {@code count} is negative or above {@value #CARDS_MAX}, or no bank is usable
     *     while cards are asked for
     */
    public static List<TestCard> spread(SimulatedBanks banks, int count, Predicate<SimulatedBank> usable) {
        Objects.requireNonNull(banks, "banks");
        Objects.requireNonNull(usable, "usable");
        if (count < 0 || count > CARDS_MAX) throw new IllegalArgumentException("count must be 0 to " + CARDS_MAX);
        Map<CardNetwork, List<SimulatedBank>> byNetwork = new EnumMap<>(CardNetwork.class);
        for (SimulatedBank bank : banks.all()) {
            if (usable.test(bank)) byNetwork.computeIfAbsent(bank.network(), network -> new ArrayList<>()).add(bank);
        }
        if (count > 0 && byNetwork.isEmpty()) throw new IllegalArgumentException("no usable bank to issue cards");
        List<List<SimulatedBank>> networks = List.copyOf(byNetwork.values());
        List<TestCard> cards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<SimulatedBank> ofNetwork = networks.get(i % networks.size());
            int turn = i / networks.size();
            SimulatedBank bank = ofNetwork.get(turn % ofNetwork.size());
            int index = turn / ofNetwork.size();
            CardDetails details = new CardDetails(banks.cardNumber(bank, index), EXP_MONTH, EXP_YEAR,
                    CARDHOLDERS.get(i % CARDHOLDERS.size()));
            cards.add(new TestCard(bank, index, details));
        }
        return List.copyOf(cards);
    }
}
