package org.corridor.core.ledger;

/** Answers a create command for an account id that already exists: identical, or which field differs. */
final class AccountComparison {
    private AccountComparison() {}

    static CreateAccountResult compare(Account command, MutableAccount existing) {
        // A closing transfer may have set CLOSED since creation; it is state, not a field the caller chose.
        int commandFlags = command.flags() & ~(AccountFlags.CLOSED | AccountFlags.LINKED);
        int existingFlags = existing.flags & ~(AccountFlags.CLOSED | AccountFlags.LINKED);
        if (commandFlags != existingFlags) return CreateAccountResult.EXISTS_WITH_DIFFERENT_FLAGS;
        if (!command.userData().equals(existing.userData)) return CreateAccountResult.EXISTS_WITH_DIFFERENT_USER_DATA;
        if (command.ledger() != existing.ledger) return CreateAccountResult.EXISTS_WITH_DIFFERENT_LEDGER;
        if (command.code() != existing.code) return CreateAccountResult.EXISTS_WITH_DIFFERENT_CODE;
        return CreateAccountResult.EXISTS;
    }
}
