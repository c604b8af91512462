package org.corridor.core.ledger;

import org.corridor.core.Id128;

/**
 * Builds transfer create commands for tests. Unless told otherwise a command moves ten dollars from Alice to
 * Bob, so each test states only the field it is about.
 */
final class TransferCommand {
    private Id128 id;
    private Id128 debitAccountId = LedgerScenario.ALICE;
    private Id128 creditAccountId = LedgerScenario.BOB;
    private long amount = 10;
    private Id128 pendingId = Id128.ZERO;
    private Id128 userData = Id128.ZERO;
    private int timeoutSeconds;
    private int ledger = LedgerScenario.DOLLARS;
    private int code = LedgerScenario.PAYMENT;
    private int flags;
    private long timestamp;

    private TransferCommand(Id128 id) {
        this.id = id;
    }

    /** A single-phase transfer of ten dollars from Alice to Bob. */
    static TransferCommand transfer(long id) {
        return new TransferCommand(Id128.of(id));
    }

    /** A reservation of ten dollars from Alice to Bob, never expiring. */
    static TransferCommand pending(long id) {
        return transfer(id).flags(TransferFlags.PENDING);
    }

    /** Posts the whole of a pending transfer, taking every other field from it. */
    static TransferCommand post(long id, long pendingId) {
        return resolving(id, pendingId, TransferFlags.POST_PENDING);
    }

    /** Voids a pending transfer, taking every other field from it. */
    static TransferCommand voiding(long id, long pendingId) {
        return resolving(id, pendingId, TransferFlags.VOID_PENDING);
    }

    private static TransferCommand resolving(long id, long pendingId, int flag) {
        return transfer(id).debit(Id128.ZERO).credit(Id128.ZERO).amount(0).ledger(0).code(0).flags(flag)
                .pendingId(Id128.of(pendingId));
    }

    TransferCommand id(Id128 newId) {
        id = newId;
        return this;
    }

    TransferCommand debit(Id128 accountId) {
        debitAccountId = accountId;
        return this;
    }

    TransferCommand credit(Id128 accountId) {
        creditAccountId = accountId;
        return this;
    }

    TransferCommand amount(long newAmount) {
        amount = newAmount;
        return this;
    }

    TransferCommand pendingId(Id128 newPendingId) {
        pendingId = newPendingId;
        return this;
    }

    TransferCommand userData(long newUserData) {
        userData = Id128.of(newUserData);
        return this;
    }

    TransferCommand timeout(int seconds) {
        timeoutSeconds = seconds;
        return this;
    }

    TransferCommand ledger(int newLedger) {
        ledger = newLedger;
        return this;
    }

    TransferCommand code(int newCode) {
        code = newCode;
        return this;
    }

    /** Replaces every flag. */
    TransferCommand flags(int newFlags) {
        flags = newFlags;
        return this;
    }

    /** Adds one flag to those already set. */
    TransferCommand with(int flag) {
        flags |= flag;
        return this;
    }

    TransferCommand linked() {
        return with(TransferFlags.LINKED);
    }

    TransferCommand timestamp(long newTimestamp) {
        timestamp = newTimestamp;
        return this;
    }

    Transfer build() {
        return new Transfer(id, debitAccountId, creditAccountId, amount, pendingId, userData, timeoutSeconds, ledger,
                code, flags, timestamp);
    }
}
