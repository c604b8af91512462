package org.corridor.store.testing;

import org.corridor.store.LedgerStore;

/** A test's store: the real one, plus its test database, which closing the store disposes of. */
final class TestLedgerStore extends ForwardingLedgerStore {
    private final TestDatabase database;

    TestLedgerStore(LedgerStore store, TestDatabase database) {
        super(store);
        this.database = database;
    }

    @Override
    public void close() {
        try {
            real.close();
        } finally {
            database.close();
        }
    }
}
