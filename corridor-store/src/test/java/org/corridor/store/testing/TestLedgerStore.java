package org.corridor.store.testing;

import java.util.List;
import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountBalance;
import org.corridor.core.ledger.LedgerChanges;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.store.AccountFilter;
import org.corridor.store.LedgerStore;

/** A test's store: the real one, plus its test database, which closing the store disposes of. */
final class TestLedgerStore implements LedgerStore {
    private final LedgerStore store;
    private final TestDatabase database;

    TestLedgerStore(LedgerStore store, TestDatabase database) {
        this.store = store;
        this.database = database;
    }

    @Override
    public String kind() {
        return store.kind();
    }

    @Override
    public void restore(LedgerStateMachine machine) {
        store.restore(machine);
    }

    @Override
    public void commit(LedgerChanges changes) {
        store.commit(changes);
    }

    @Override
    public Optional<Account> lookupAccount(Id128 id) {
        return store.lookupAccount(id);
    }

    @Override
    public Optional<Transfer> lookupTransfer(Id128 id) {
        return store.lookupTransfer(id);
    }

    @Override
    public Optional<PendingStatus> lookupPendingStatus(Id128 id) {
        return store.lookupPendingStatus(id);
    }

    @Override
    public List<Transfer> accountTransfers(AccountFilter filter) {
        return store.accountTransfers(filter);
    }

    @Override
    public List<AccountBalance> accountBalances(AccountFilter filter) {
        return store.accountBalances(filter);
    }

    @Override
    public long transferCount() {
        return store.transferCount();
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            database.close();
        }
    }

    @Override
    public String toString() {
        return store.kind();
    }
}
