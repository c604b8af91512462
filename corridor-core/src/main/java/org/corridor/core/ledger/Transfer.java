package org.corridor.core.ledger;

import org.corridor.core.Id128;

/**
 * A movement of {@code amount} minor units from a debit account to a credit account on one ledger.
 *
 * @param id caller-chosen, unique, neither zero nor all-ones: the transfer's idempotency key
 * @param debitAccountId the account debited (zero on a post or void: taken from the pending transfer)
 * @param creditAccountId the account credited (zero on a post or void: taken from the pending transfer)
 * @param amount minor units, positive; on a post or void zero means the whole pending amount, and on a
 *     balancing transfer it is the most that may move
 * @param pendingId the pending transfer a post or void resolves; zero otherwise
 * @param userData an opaque reference of the caller's (a payment id)
 * @param timeoutSeconds a pending transfer expires this long after its timestamp; zero means never
 * @param ledger the currency ledger of both accounts
 * @param code the transfer's reason, chosen by the caller, never zero
 * @param flags {@link TransferFlags}
 * @param timestamp assigned by the state machine; zero in a create command
 */
public record Transfer(
        Id128 id,
        Id128 debitAccountId,
        Id128 creditAccountId,
        long amount,
        Id128 pendingId,
        Id128 userData,
        int timeoutSeconds,
        int ledger,
        int code,
        int flags,
        long timestamp) {

    /** A create command for a single-phase transfer. */
    public static Transfer of(Id128 id, Id128 debitAccountId, Id128 creditAccountId, long amount, int ledger,
            int code) {
        return new Transfer(id, debitAccountId, creditAccountId, amount, Id128.ZERO, Id128.ZERO, 0, ledger, code, 0, 0);
    }

    public boolean has(int flag) {
        return TransferFlags.has(flags, flag);
    }

    public Transfer withFlags(int newFlags) {
        return new Transfer(id, debitAccountId, creditAccountId, amount, pendingId, userData, timeoutSeconds, ledger,
                code, newFlags, timestamp);
    }

    public Transfer withPendingId(Id128 newPendingId) {
        return new Transfer(id, debitAccountId, creditAccountId, amount, newPendingId, userData, timeoutSeconds,
                ledger, code, flags, timestamp);
    }

    public Transfer withTimeoutSeconds(int newTimeoutSeconds) {
        return new Transfer(id, debitAccountId, creditAccountId, amount, pendingId, userData, newTimeoutSeconds,
                ledger, code, flags, timestamp);
    }

    public Transfer withUserData(Id128 newUserData) {
        return new Transfer(id, debitAccountId, creditAccountId, amount, pendingId, newUserData, timeoutSeconds,
                ledger, code, flags, timestamp);
    }

    Transfer resolved(Id128 debit, Id128 credit, long resolvedAmount, int resolvedLedger, int resolvedCode,
            long assignedTimestamp) {
        return new Transfer(id, debit, credit, resolvedAmount, pendingId, userData, timeoutSeconds, resolvedLedger,
                resolvedCode, flags, assignedTimestamp);
    }
}
