package org.corridor.core.ledger;

import static org.corridor.core.ledger.CreateTransferResult.*;

/**
 * Answers a create command for a transfer id that already exists: {@code EXISTS} when it is the same
 * command again, otherwise the first field that differs.
 *
 * <p>A stored transfer holds resolved values, so a command's "take it from the pending transfer" zeros
 * (on a post or void) and a balancing transfer's upper bound count as the same.
 */
final class TransferComparison {
    private TransferComparison() {}

    static CreateTransferResult compare(Transfer command, Transfer existing) {
        boolean resolving = command.has(TransferFlags.POST_PENDING) || command.has(TransferFlags.VOID_PENDING);
        boolean balancing = command.has(TransferFlags.BALANCING_DEBIT) || command.has(TransferFlags.BALANCING_CREDIT);
        if ((command.flags() & ~TransferFlags.LINKED) != (existing.flags() & ~TransferFlags.LINKED)) {
            return EXISTS_WITH_DIFFERENT_FLAGS;
        }
        if (!command.pendingId().equals(existing.pendingId())) return EXISTS_WITH_DIFFERENT_PENDING_ID;
        if (command.timeoutSeconds() != existing.timeoutSeconds()) return EXISTS_WITH_DIFFERENT_TIMEOUT;
        if (!(resolving && command.debitAccountId().isZero())
                && !command.debitAccountId().equals(existing.debitAccountId())) {
            return EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID;
        }
        if (!(resolving && command.creditAccountId().isZero())
                && !command.creditAccountId().equals(existing.creditAccountId())) {
            return EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID;
        }
        boolean sameAmount = command.amount() == existing.amount()
                || resolving && command.amount() == 0
                || balancing && command.amount() >= existing.amount();
        if (!sameAmount) return EXISTS_WITH_DIFFERENT_AMOUNT;
        if (!command.userData().equals(existing.userData())) return EXISTS_WITH_DIFFERENT_USER_DATA;
        if (!(resolving && command.ledger() == 0) && command.ledger() != existing.ledger()) {
            return EXISTS_WITH_DIFFERENT_LEDGER;
        }
        if (!(resolving && command.code() == 0) && command.code() != existing.code()) {
            return EXISTS_WITH_DIFFERENT_CODE;
        }
        return EXISTS;
    }
}
