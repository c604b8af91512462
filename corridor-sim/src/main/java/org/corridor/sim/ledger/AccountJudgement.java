package org.corridor.sim.ledger;

import static org.corridor.core.ledger.CreateAccountResult.*;

import java.util.EnumSet;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.CreateAccountResult;

/**
 * The reference model's answer to one account command: the command's shape, then an existing account with the
 * same id, then the remaining rules, each step answering with the first declared failure that applies.
 */
final class AccountJudgement {
    private static final int KNOWN_FLAGS = AccountFlags.LINKED | AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS
            | AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS | AccountFlags.HISTORY | AccountFlags.CLOSED;
    /** Flags that are not the caller's choice once the account exists: chain membership and closing. */
    private static final int NOT_COMPARED = AccountFlags.LINKED | AccountFlags.CLOSED;

    private AccountJudgement() {}

    static CreateAccountResult answer(ReferenceState state, Account command) {
        EnumSet<CreateAccountResult> shape = EnumSet.noneOf(CreateAccountResult.class);
        if (command.timestamp() != 0) shape.add(TIMESTAMP_MUST_BE_ZERO);
        if ((command.flags() & ~KNOWN_FLAGS) != 0) shape.add(RESERVED_FLAG);
        if (command.id().isZero()) shape.add(ID_MUST_NOT_BE_ZERO);
        if (command.id().isMax()) shape.add(ID_MUST_NOT_BE_INT_MAX);
        if (!shape.isEmpty()) return Precedence.first(shape, OK);

        Account existing = state.account(command.id());
        if (existing != null) return Precedence.first(differences(command, existing), EXISTS);

        EnumSet<CreateAccountResult> failures = EnumSet.noneOf(CreateAccountResult.class);
        if (command.has(AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS)
                && command.has(AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS)) {
            failures.add(FLAGS_ARE_MUTUALLY_EXCLUSIVE);
        }
        if (command.debitsPending() != 0 || command.debitsPosted() != 0 || command.creditsPending() != 0
                || command.creditsPosted() != 0) {
            failures.add(BALANCES_MUST_BE_ZERO);
        }
        if (command.ledger() == 0) failures.add(LEDGER_MUST_NOT_BE_ZERO);
        if (command.code() == 0) failures.add(CODE_MUST_NOT_BE_ZERO);
        return Precedence.first(failures, OK);
    }

    private static EnumSet<CreateAccountResult> differences(Account command, Account existing) {
        EnumSet<CreateAccountResult> differences = EnumSet.noneOf(CreateAccountResult.class);
        if ((command.flags() & ~NOT_COMPARED) != (existing.flags() & ~NOT_COMPARED)) {
            differences.add(EXISTS_WITH_DIFFERENT_FLAGS);
        }
        if (!command.userData().equals(existing.userData())) differences.add(EXISTS_WITH_DIFFERENT_USER_DATA);
        if (command.ledger() != existing.ledger()) differences.add(EXISTS_WITH_DIFFERENT_LEDGER);
        if (command.code() != existing.code()) differences.add(EXISTS_WITH_DIFFERENT_CODE);
        return differences;
    }
}
