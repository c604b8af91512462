package org.corridor.sim.issuer;

import org.corridor.core.Check;

/**
 * One fault rule as it stands: either counted (the next {@code requestsRemaining} requests) or a ratio
 * ({@code perMille} requests in a thousand, until cleared), never both.
 *
 * @param fault what the simulator shows in place of a normal reply
 * @param bankId the bank it applies to, or {@code null} for every request (echoes included)
 * @param requestsRemaining for a counted rule, how many requests it still covers; 0 for a ratio
 * @param perMille for a ratio, how many requests in a thousand it picks; 0 for a counted rule
 */
public record FaultRule(Fault fault, String bankId, int requestsRemaining, int perMille) {
    public FaultRule {
        Check.that(fault != null, "a fault rule names its fault");
        Check.that(requestsRemaining >= 0 && perMille >= 0 && perMille <= FaultControl.PER_MILLE_MAX,
                "a fault rule counts requests or a ratio of 1 to " + FaultControl.PER_MILLE_MAX + " per mille");
        Check.that((requestsRemaining > 0) != (perMille > 0), "a fault rule is counted or a ratio, not both");
    }

    /** A rule for the next {@code requests} requests. */
    public static FaultRule counted(Fault fault, String bankId, int requests) {
        return new FaultRule(fault, bankId, requests, 0);
    }

    /** A rule for {@code perMille} requests in a thousand. */
    public static FaultRule ratio(Fault fault, String bankId, int perMille) {
        return new FaultRule(fault, bankId, 0, perMille);
    }

    /** Whether this rule covers a count of requests rather than a ratio. */
    public boolean counted() {
        return requestsRemaining > 0;
    }
}
