package org.corridor.core.ledger;

/** Bit flags of an {@link Account}. */
public final class AccountFlags {
    private AccountFlags() {}

    /** Chains this account with the next one in the same command: all are created, or none. */
    public static final int LINKED = 1;
    /** Debits (pending and posted) may never exceed posted credits: an asset the holder owns, such as a wallet. */
    public static final int DEBITS_MUST_NOT_EXCEED_CREDITS = 1 << 1;
    /** Credits (pending and posted) may never exceed posted debits: a liability limit. */
    public static final int CREDITS_MUST_NOT_EXCEED_DEBITS = 1 << 2;
    /** Keeps the balances after every transfer, for statements. */
    public static final int HISTORY = 1 << 3;
    /** The account takes no new transfers; set at creation or by a closing transfer. */
    public static final int CLOSED = 1 << 4;

    static final int KNOWN = LINKED | DEBITS_MUST_NOT_EXCEED_CREDITS | CREDITS_MUST_NOT_EXCEED_DEBITS | HISTORY | CLOSED;

    static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }
}
