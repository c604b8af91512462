package org.corridor.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.LedgerChanges;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.Transfer;

/** Small helpers that build ledger commands and compare ledger states in the store's tests. */
final class LedgerFixtures {
    static final int USD = 840;
    static final int CODE = 1;
    /** A batch clock far from zero, in nanoseconds. */
    static final long START_NANOS = 1_700_000_000_000_000_000L;
    static final long NANOS_PER_SECOND = 1_000_000_000L;

    private LedgerFixtures() {}

    /** An id whose high half has its sign bit set, so both halves' full 64 bits make the round trip. */
    static Id128 id(long n) {
        return new Id128(0x8000_0000_0000_0000L | n, ~n);
    }

    static Account account(long n, int flags) {
        return Account.open(id(n), USD, CODE, flags, new Id128(n, -n));
    }

    static Transfer transfer(long n, long debit, long credit, long amount) {
        return Transfer.of(id(n), id(debit), id(credit), amount, USD, CODE).withUserData(new Id128(-n, n));
    }

    /** Applies {@code commands} in one batch at {@code nowNanos} and returns what the batch changed. */
    static LedgerChanges batch(LedgerStateMachine machine, long nowNanos, Runnable commands) {
        machine.beginBatch(nowNanos);
        commands.run();
        return machine.drainChanges();
    }

    static List<Account> accountsById(LedgerStateMachine machine) {
        List<Account> accounts = new ArrayList<>(machine.accounts());
        accounts.sort(Comparator.comparing(Account::id));
        return accounts;
    }

    static List<Transfer> transfersById(LedgerStateMachine machine) {
        List<Transfer> transfers = new ArrayList<>(machine.transfers());
        transfers.sort(Comparator.comparing(Transfer::id));
        return transfers;
    }
}
