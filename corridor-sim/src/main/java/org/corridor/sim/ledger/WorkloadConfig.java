package org.corridor.sim.ledger;

/**
 * The shape of a {@link LedgerWorkload}.
 *
 * @param accounts ordinary accounts created up front, spread evenly over the ledgers (at least four per
 *     ledger: a hot account, a treasury, a credit line and a wallet)
 * @param ledgers currency ledgers, from 1 to {@link #LEDGERS_MAX}
 * @param hotAccountProbability how often a payment credits its ledger's hot account (a busy merchant)
 * @param limitedAccountShare the share of wallets whose debits may not exceed their credits
 * @param overflowAccounts extra accounts on the first ledger that move amounts near {@code Long.MAX_VALUE}
 *     among themselves; zero, or at least two
 * @param amountMax the largest ordinary amount, in minor units
 * @param eventsPerCommandMax the most events one command holds, chains included
 * @param startNanos the clock of the first batch, in nanoseconds since the epoch
 */
public record WorkloadConfig(
        int accounts,
        int ledgers,
        double hotAccountProbability,
        double limitedAccountShare,
        int overflowAccounts,
        long amountMax,
        int eventsPerCommandMax,
        long startNanos) {

    /** The currency ledgers a workload uses, by ISO 4217 numeric code. */
    static final int[] LEDGER_CODES = {840, 978, 826, 404, 566, 356, 36, 392};
    public static final int LEDGERS_MAX = LEDGER_CODES.length;
    /** Kept well below the engine's own limit so that workloads stay quick to check. */
    public static final int EVENTS_PER_COMMAND_LIMIT = 64;
    static final int ACCOUNTS_PER_LEDGER_MIN = 4;

    public WorkloadConfig {
        if (ledgers < 1 || ledgers > LEDGERS_MAX) {
            throw new IllegalArgumentException("ledgers must be 1 to " + LEDGERS_MAX + ", not " + ledgers);
        }
        if (accounts < ledgers * ACCOUNTS_PER_LEDGER_MIN) {
            throw new IllegalArgumentException("at least " + ACCOUNTS_PER_LEDGER_MIN + " accounts per ledger");
        }
        if (!(hotAccountProbability >= 0 && hotAccountProbability <= 1)) {
            throw new IllegalArgumentException("hotAccountProbability must be 0 to 1");
        }
        if (!(limitedAccountShare >= 0 && limitedAccountShare <= 1)) {
            throw new IllegalArgumentException("limitedAccountShare must be 0 to 1");
        }
        if (overflowAccounts == 1 || overflowAccounts < 0) {
            throw new IllegalArgumentException("overflowAccounts must be zero or at least two");
        }
        if (amountMax < 2) throw new IllegalArgumentException("amountMax must be at least 2");
        if (eventsPerCommandMax < 1 || eventsPerCommandMax > EVENTS_PER_COMMAND_LIMIT) {
            throw new IllegalArgumentException("eventsPerCommandMax must be 1 to " + EVENTS_PER_COMMAND_LIMIT);
        }
        if (startNanos < 0) throw new IllegalArgumentException("startNanos must not be negative");
    }

    /** Twenty-four accounts on two ledgers, a busy merchant on each, and a few accounts near overflow. */
    public static WorkloadConfig defaults() {
        return new WorkloadConfig(24, 2, 0.6, 0.5, 3, 1_000, 8, 1_704_067_200_000_000_000L);
    }
}
