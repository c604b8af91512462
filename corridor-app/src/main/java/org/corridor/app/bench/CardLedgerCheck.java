package org.corridor.app.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * After the card run, the three books of the same authorizations must agree, bank by bank: the pending debits
 * of the bank's issuer account in Corridor's ledger (each approval reserved its amount there), the holds at the
 * simulated bank on the benchmark's cards, and the clients' own sum of approved amounts. Amounts are in the
 * bank's minor units; banks in different currencies are never added together except in the count of
 * mismatches.
 */
final class CardLedgerCheck {
    /** One bank's three figures. */
    record Line(String bankId, long corridorPendingMinor, long issuerHeldMinor, long clientsApprovedMinor) {
        boolean holds() {
            return corridorPendingMinor == issuerHeldMinor && issuerHeldMinor == clientsApprovedMinor;
        }
    }

    /** Every bank's line, and how many disagree. */
    record Report(List<Line> lines, long banksChecked, long mismatches) {
        boolean holds() {
            return mismatches == 0;
        }

        List<Line> mismatched() {
            return lines.stream().filter(line -> !line.holds()).toList();
        }
    }

    private CardLedgerCheck() {}

    /** Compares the three books over every bank named in any of them; a bank missing from one counts 0 there. */
    static Report compare(Map<String, Long> corridorPendingByBank, Map<String, Long> issuerHeldByBank,
            Map<String, Long> clientsApprovedByBank) {
        Set<String> banks = new TreeSet<>(corridorPendingByBank.keySet());
        banks.addAll(issuerHeldByBank.keySet());
        banks.addAll(clientsApprovedByBank.keySet());
        List<Line> lines = new ArrayList<>(banks.size());
        long mismatches = 0;
        for (String bank : banks) {
            Line line = new Line(bank, corridorPendingByBank.getOrDefault(bank, 0L),
                    issuerHeldByBank.getOrDefault(bank, 0L), clientsApprovedByBank.getOrDefault(bank, 0L));
            lines.add(line);
            if (!line.holds()) mismatches++;
        }
        return new Report(List.copyOf(lines), banks.size(), mismatches);
    }

    /** The sum of holds at each bank over the benchmark's cards, each card number counted once. */
    static Map<String, Long> issuerHolds(Collection<CardParties.EnrolledCard> cards, HeldByPan held) {
        Map<String, Long> byBank = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (CardParties.EnrolledCard card : cards) {
            String number = card.card().details().number();
            if (!seen.add(number)) continue;
            byBank.merge(card.bankId(), held.heldMinor(number), Math::addExact);
        }
        return byBank;
    }

    /** The simulator's hold on one card's account. */
    @FunctionalInterface
    interface HeldByPan {
        long heldMinor(String cardNumber);
    }
}
