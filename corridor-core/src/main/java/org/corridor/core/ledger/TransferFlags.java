package org.corridor.core.ledger;

/** Bit flags of a {@link Transfer}. */
public final class TransferFlags {
    private TransferFlags() {}

    /** Chains this transfer with the next one in the same command: all succeed, or none (fees, FX legs). */
    public static final int LINKED = 1;
    /** Reserves the amount (a two-phase transfer's first phase); resolved later by a post or a void. */
    public static final int PENDING = 1 << 1;
    /** Posts the pending transfer named by {@code pendingId}, in full or in part. */
    public static final int POST_PENDING = 1 << 2;
    /** Voids the pending transfer named by {@code pendingId}, releasing the reservation. */
    public static final int VOID_PENDING = 1 << 3;
    /** Moves at most {@code amount}: as much as the debit account's credits allow. */
    public static final int BALANCING_DEBIT = 1 << 4;
    /** Moves at most {@code amount}: as much as the credit account's debits allow. */
    public static final int BALANCING_CREDIT = 1 << 5;
    /** Closes the debit account while this pending transfer stands; voiding it reopens the account. */
    public static final int CLOSING_DEBIT = 1 << 6;
    /** Closes the credit account while this pending transfer stands; voiding it reopens the account. */
    public static final int CLOSING_CREDIT = 1 << 7;

    static final int KNOWN = LINKED | PENDING | POST_PENDING | VOID_PENDING | BALANCING_DEBIT | BALANCING_CREDIT
            | CLOSING_DEBIT | CLOSING_CREDIT;

    static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }
}
