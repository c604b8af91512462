package org.corridor.app.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.corridor.app.wallet.PhoneCard;
import org.corridor.core.reconciliation.ReconciliationBreak;
import org.corridor.sim.issuer.Fault;
import org.corridor.sim.issuer.IssuerSimulator;

/**
 * The trouble the demo makes at the issuers on purpose: a few banks that decline more often, and, a third of the
 * way into the traffic, a few requests that get no reply or two replies. It also says which reconciliation breaks
 * those faults explain.
 */
final class DemoIssuerTrouble {
    /** Banks of the enrolled cards that decline more. */
    static final int DECLINING_BANKS = 3;
    /** How often those banks decline, per mille. */
    static final int DECLINE_PER_MILLE = 150;
    /** Requests left unanswered (Corridor times out and reverses). */
    static final int NO_REPLY_REQUESTS = 2;
    /** Requests answered twice (Corridor uses the first answer and drops the other). */
    static final int DUPLICATE_REPLY_REQUESTS = 3;

    private final IssuerSimulator simulator;
    private final List<String> cardBanks;
    private final Set<ReconciliationBreak.Kind> explained = EnumSet.noneOf(ReconciliationBreak.Kind.class);

    DemoIssuerTrouble(IssuerSimulator simulator, List<PhoneCard> cards) {
        this.simulator = simulator;
        Set<String> banks = new LinkedHashSet<>();
        cards.forEach(card -> banks.add(card.card().bank().id()));
        this.cardBanks = List.copyOf(banks);
    }

    /** Makes a few banks decline more often; called once the cards are enrolled. */
    void declineMore(PrintWriter out) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < Math.min(DECLINING_BANKS, cardBanks.size()); i++) {
            String bank = cardBanks.get(cardBanks.size() - 1 - i);
            simulator.banks().setDeclinePerMille(bank, DECLINE_PER_MILLE);
            chosen.add(bank);
        }
        if (!chosen.isEmpty()) {
            out.printf("Issuer declines: %s decline %d per mille of their requests.%n", String.join(", ", chosen),
                    DECLINE_PER_MILLE);
        }
    }

    /**
     * The next requests of the busiest banks (the first cards') get no reply or two replies. Rules for one bank
     * only, so that the links' echo tests are never hit.
     */
    void injectFaults() {
        if (cardBanks.isEmpty()) return;
        simulator.faults().next(Fault.NO_REPLY, cardBanks.get(0), NO_REPLY_REQUESTS);
        simulator.faults().next(Fault.DUPLICATE_REPLY, cardBanks.get(Math.min(1, cardBanks.size() - 1)),
                DUPLICATE_REPLY_REQUESTS);
        // A request with no reply times out and is reversed; Corridor and the issuer may see it differently until
        // the reversal lands. A duplicate reply is dropped by the link and reported as a break of its own.
        explained.add(ReconciliationBreak.Kind.DUPLICATE_REPLY);
        explained.add(ReconciliationBreak.Kind.REVERSAL_UNACKNOWLEDGED);
        explained.add(ReconciliationBreak.Kind.ISSUER_HOLDS_FUNDS_CORRIDOR_RELEASED);
    }

    String describeFaults() {
        if (cardBanks.isEmpty()) return "none (no card enrolled)";
        return String.format("no reply to the next %d requests of %s, two replies to the next %d of %s",
                NO_REPLY_REQUESTS, cardBanks.get(0), DUPLICATE_REPLY_REQUESTS,
                cardBanks.get(Math.min(1, cardBanks.size() - 1)));
    }

    /** Whether the injected faults explain a break of {@code kind}. */
    boolean explains(ReconciliationBreak.Kind kind) {
        return explained.contains(kind);
    }
}
