package org.corridor.services;

import java.util.List;
import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.port.LedgerReader;
import org.corridor.store.AccountFilter;
import org.corridor.store.LedgerStore;

/** Committed ledger accounts, read from the store (which waits until its tables hold every acknowledged batch). */
public final class StoreLedgerReader implements LedgerReader {
    private final LedgerStore store;

    public StoreLedgerReader(LedgerStore store) {
        this.store = store;
    }

    @Override
    public Optional<Account> account(Id128 id) {
        return store.lookupAccount(id);
    }

    @Override
    public Optional<Transfer> transfer(Id128 id) {
        return store.lookupTransfer(id);
    }

    @Override
    public List<Transfer> transfers(Id128 accountId, long timestampMin, int limit) {
        return store.accountTransfers(new AccountFilter(accountId, timestampMin, 0, limit, true, true, false));
    }
}
