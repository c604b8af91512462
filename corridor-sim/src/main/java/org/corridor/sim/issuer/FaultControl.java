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
        add(new Rule(fault, bankId, requests, 0));
    }

    /**
     * Shows {@code fault} on {@code perMille} requests in a thousand of {@code bankId}, or of every bank when
     * {@code bankId} is {@code null}, until {@link #clear()}.
     */
    public synchronized void ratio(Fault fault, String bankId, int perMille) {
        Check.that(perMille >= 1 && perMille <= 1000, "a fault ratio is 1 to 1000 per mille");
        add(new Rule(fault, bankId, -1, perMille));
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules.clear();
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

    private void add(Rule rule) {
        if (rules.size() >= RULES_MAX) throw new IllegalStateException("already " + RULES_MAX + " fault rules");
        rules.add(rule);
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
