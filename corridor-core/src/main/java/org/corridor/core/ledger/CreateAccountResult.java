package org.corridor.core.ledger;

/**
 * The answer to creating one account, declared in the order the checks run: when several apply, the
 * first one declared here is the answer.
 */
public enum CreateAccountResult {
    OK,
    LINKED_EVENT_FAILED,
    LINKED_EVENT_CHAIN_OPEN,
    TIMESTAMP_MUST_BE_ZERO,
    RESERVED_FLAG,
    ID_MUST_NOT_BE_ZERO,
    ID_MUST_NOT_BE_INT_MAX,
    EXISTS_WITH_DIFFERENT_FLAGS,
    EXISTS_WITH_DIFFERENT_USER_DATA,
    EXISTS_WITH_DIFFERENT_LEDGER,
    EXISTS_WITH_DIFFERENT_CODE,
    EXISTS,
    FLAGS_ARE_MUTUALLY_EXCLUSIVE,
    BALANCES_MUST_BE_ZERO,
    LEDGER_MUST_NOT_BE_ZERO,
    CODE_MUST_NOT_BE_ZERO;

    /** True when the account exists as asked: created now, or by an identical earlier command. */
    public boolean created() {
        return this == OK || this == EXISTS;
    }
}
