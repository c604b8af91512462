package org.corridor.services;

import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.port.LedgerReader;
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
}
