package org.corridor.sim.issuer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.corridor.core.Check;

/**
 * The faults the simulator shows on demand: for the whole simulator or one bank, for the next N requests or
 * for a share of them. When several rules apply, the one added first wins. Ratios draw from a seeded random
 * source, so a seed and an order of requests give the same faults.
 */
public final class FaultControl {
    /** The most rules in force at once. */
    public static final int RULES_MAX = 1_000;
    /** A ratio's denominator: a rule of this many per mille picks every request. */
    public static final int PER_MILLE_MAX = 1_000;

    private final List<Rule> rules = new ArrayList<>();
    private final SplittableRandom random;

    FaultControl(long seed) {
        this.random = new SplittableRandom(seed ^ 0x0FA017L);
    }

    /**
     * Shows {@code fault} on the next {@code requests} requests of {@code bankId}, or of every bank (echoes
     * included) when {@code bankId} is {@code null}.
     */
    public synchronized void next(Fault fault, String bankId, int requests) {
        Check.that(requests >= 1, "a fault covers at least one request");
        if (!tryAdd(FaultRule.counted(fault, bankId, requests))) throw full();
    }

    /**
     * Shows {@code fault} on {@code perMille} requests in a thousand of {@code bankId}, or of every bank when
     * {@code bankId} is {@code null}, until {@link #clear()}.
     */
    public synchronized void ratio(Fault fault, String bankId, int perMille) {
        Check.that(perMille >= 1 && perMille <= PER_MILLE_MAX, "a fault ratio is 1 to " + PER_MILLE_MAX + " per mille");
        if (!tryAdd(FaultRule.ratio(fault, bankId, perMille))) throw full();
    }

    /**
     * Adds {@code rule} after the rules in force, unless {@link #RULES_MAX} are in force already: a refusal an
     * operator can be told about, so it is a value here rather than an exception.
     *
     * @return whether the rule was added
     */
    public synchronized boolean tryAdd(FaultRule rule) {
        if (rules.size() >= RULES_MAX) return false;
        rules.add(new Rule(rule.fault(), rule.bankId(), rule.requestsRemaining(), rule.perMille()));
        return true;
    }

    /** Removes every rule; returns how many there were. */
    public synchronized int clear() {
        int cleared = rules.size();
        rules.clear();
        return cleared;
    }

    /** The rules in force, first added first (the order in which they are tried), as they stand now. */
    public synchronized List<FaultRule> rules() {
        List<FaultRule> view = new ArrayList<>(rules.size());
        for (Rule rule : rules) view.add(new FaultRule(rule.fault, rule.bankId, rule.remaining, rule.perMille));
        return List.copyOf(view);
    }

    /** How many rules are in force (counted rules disappear when used up). */
    public synchronized int rulesInForce() {
        return rules.size();
    }

    /** The fault for one request of {@code bankId} ({@code null} when no bank is known), using up a count. */
    synchronized Optional<Fault> draw(String bankId) {
        Iterator<Rule> iterator = rules.iterator();
        while (iterator.hasNext()) {
            Rule rule = iterator.next();
            if (rule.bankId != null && !rule.bankId.equals(bankId)) continue;
            if (rule.remaining > 0) {
                rule.remaining--;
                if (rule.remaining == 0) iterator.remove();
                return Optional.of(rule.fault);
            }
            if (rule.perMille > 0 && random.nextInt(1000) < rule.perMille) return Optional.of(rule.fault);
        }
        return Optional.empty();
    }

    private static IllegalStateException full() {
        return new IllegalStateException("already " + RULES_MAX + " fault rules");
    }

    private static final class Rule {
        final Fault fault;
        final String bankId;
        int remaining;
        final int perMille;

        Rule(Fault fault, String bankId, int remaining, int perMille) {
            this.fault = fault;
            this.bankId = bankId;
            this.remaining = remaining;
            this.perMille = perMille;
        }
    }
}
