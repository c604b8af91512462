package org.corridor.app.wallet;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run saw, counted for the summary: enrolment outcomes, payment outcomes per scenario, decline codes, and per
 * card how many payments it made and how many went through. Printed lines carry card numbers masked only.
 * Not thread-safe: one run records from one thread.
 */
final class SimTally {
    private final Map<String, Integer> enrolments = new TreeMap<>();
    private final Map<PaymentScenario, Map<String, Integer>> payments = new EnumMap<>(PaymentScenario.class);
    private final Map<String, Integer> declineCodes = new TreeMap<>();
    private final Map<PhoneCard, int[]> perCard = new LinkedHashMap<>();
    private final List<PhoneCard> cards = new ArrayList<>();
    private int refusalsExpected;
    private int refusalsSeen;

    void enrolled(PhoneCard card) {
        cards.add(card);
        perCard.put(card, new int[2]);
        enrolments.merge(card.enrolment(), 1, Integer::sum);
    }

    void paid(PhoneCard card, PaymentOutcome outcome) {
        payments.computeIfAbsent(outcome.scenario(), scenario -> new TreeMap<>()).merge(outcome.label(), 1, Integer::sum);
        if (!outcome.declineCode().isEmpty()) declineCodes.merge(outcome.declineCode(), 1, Integer::sum);
        int[] counts = perCard.get(card);
        counts[0]++;
        if (outcome.result().ok()) counts[1]++;
        if (outcome.scenario().refusalExpected()) {
            refusalsExpected++;
            // Only a refusal at the deciding step counts; one at intent creation says nothing about the check.
            if (!outcome.result().ok() && !outcome.step().equals("create")) refusalsSeen++;
        }
    }

    int payments() {
        return payments.values().stream().flatMap(counts -> counts.values().stream()).mapToInt(Integer::intValue).sum();
    }

    void print(PrintWriter out) {
        out.printf("%nEnrolments (%d cards)%n", cards.size());
        enrolments.forEach((label, count) -> out.printf("  %-40s %6d%n", label, count));
        out.printf("%nPayments (%d)%n  %-26s %-40s %6s%n", payments(), "scenario", "outcome", "count");
        payments.forEach((scenario, counts) -> counts.forEach(
                (label, count) -> out.printf("  %-26s %-40s %6d%n", scenario.label(), label, count)));
        out.printf("  deliberate refusals refused: %d of %d%n", refusalsSeen, refusalsExpected);
        out.printf("%nDecline codes (ISO 8583 field 39)%n");
        if (declineCodes.isEmpty()) out.println("  none");
        declineCodes.forEach((code, count) -> out.printf("  %-4s %6d%n", code, count));
        out.printf("%nCards%n");
        for (PhoneCard card : cards) out.println("  " + cardLine(card, perCard.get(card)));
    }

    /** One card's line: masked number, bank, network, currency, phone, domain, enrolment and payments. */
    static String cardLine(PhoneCard card, int[] counts) {
        return String.format("%-19s %-9s %-10s %s %-24s %-11s %-22s %d paid, %d ok", card.card().maskedNumber(),
                card.card().bank().id(), card.card().bank().network(), card.card().bank().currency().getCurrencyCode(),
                card.phone().deviceId(), card.domain().wireName(), card.enrolment(), counts[0], counts[1]);
    }
}
