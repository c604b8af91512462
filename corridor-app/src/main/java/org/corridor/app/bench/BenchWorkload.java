package org.corridor.app.bench;

import java.util.SplittableRandom;

/**
 * Who pays whom in the ledger benchmark, derived from the transfer's sequence number alone, so the engine
 * and the baseline move exactly the same money.
 *
 * <p>Accounts 1..N are shoppers, each funded at the start and flagged so debits may not exceed credits;
 * account 1 doubles as the big merchant that every transfer credits in hot mode.
 */
record BenchWorkload(int accounts, boolean hot, long seed) {
    /** Each shopper's opening balance: large enough that no benchmark run exhausts it. */
    static final long OPENING_BALANCE_MINOR = 1_000_000_000_000L;
    /** Largest single transfer. */
    static final long TRANSFER_AMOUNT_MAX_MINOR = 10_000;
    /** The account every transfer credits in hot mode. */
    static final int HOT_ACCOUNT = 1;

    record Leg(int debitAccount, int creditAccount, long amount) {}

    Leg leg(long sequence) {
        SplittableRandom random = new SplittableRandom(seed ^ (sequence * 0x9E3779B97F4A7C15L));
        int debit;
        int credit;
        if (hot) {
            credit = HOT_ACCOUNT;
            debit = 2 + random.nextInt(accounts - 1);
        } else {
            debit = 1 + random.nextInt(accounts);
            credit = 1 + random.nextInt(accounts - 1);
            if (credit >= debit) credit++;
        }
        return new Leg(debit, credit, 1 + random.nextLong(TRANSFER_AMOUNT_MAX_MINOR));
    }

    String mode() {
        return hot ? "hot" : "uniform";
    }
}
