package org.corridor.store.testing;

import java.util.List;
import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountBalance;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.state.StateChanges;
import org.corridor.core.state.SwitchState;
import org.corridor.store.AccountFilter;
import org.corridor.store.LedgerStore;

/** A store that hands every call to a real one; tests override the calls they want to watch or break. */
public abstract class ForwardingLedgerStore implements LedgerStore {
    protected final LedgerStore real;

    protected ForwardingLedgerStore(LedgerStore real) {
        this.real = real;
    }

    @Override
    public String kind() {
        return real.kind();
    }

    @Override
    public void restore(LedgerStateMachine machine) {
        real.restore(machine);
    }

    @Override
    public void commit(StateChanges changes) {
        real.commit(changes);
    }

    @Override
    public void restoreRecords(SwitchState state) {
        real.restoreRecords(state);
    }

    @Override
    public Optional<Account> lookupAccount(Id128 id) {
        return real.lookupAccount(id);
    }

    @Override
    public Optional<Transfer> lookupTransfer(Id128 id) {
        return real.lookupTransfer(id);
    }

    @Override
    public Optional<PendingStatus> lookupPendingStatus(Id128 id) {
        return real.lookupPendingStatus(id);
    }

    @Override
    public List<Transfer> accountTransfers(AccountFilter filter) {
        return real.accountTransfers(filter);
    }

    @Override
    public List<AccountBalance> accountBalances(AccountFilter filter) {
        return real.accountBalances(filter);
    }

    @Override
    public long transferCount() {
        return real.transferCount();
    }

    @Override
    public void close() {
        real.close();
    }

    @Override
    public String toString() {
        return real.kind();
    }
}
