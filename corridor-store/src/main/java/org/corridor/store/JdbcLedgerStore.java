package org.corridor.store;

import java.util.List;
import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountBalance;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;

/**
 * What the SQLite and PostgreSQL stores share: reads and restore go through the same SQL
 * ({@link LedgerReads}); only the way a batch is written differs, in each subclass's {@link #commit}.
 */
abstract sealed class JdbcLedgerStore implements LedgerStore permits SqliteLedgerStore, PostgresLedgerStore {
    final Database database;
    final LedgerReads reads;

    JdbcLedgerStore(Database database, DatabaseKind kind) {
        org.corridor.core.Check.that(database.kind() == kind, "a " + kind.label() + " store needs a "
                + kind.label() + " database");
        this.database = database;
        this.reads = new LedgerReads(database.dataSource(), kind);
    }

    @Override
    public final String kind() {
        return database.kind().label();
    }

    @Override
    public final void restore(LedgerStateMachine machine) {
        reads.restore(machine);
    }

    @Override
    public final Optional<Account> lookupAccount(Id128 id) {
        return reads.lookupAccount(id);
    }

    @Override
    public final Optional<Transfer> lookupTransfer(Id128 id) {
        return reads.lookupTransfer(id);
    }

    @Override
    public final Optional<PendingStatus> lookupPendingStatus(Id128 id) {
        return reads.lookupPendingStatus(id);
    }

    @Override
    public final List<Transfer> accountTransfers(AccountFilter filter) {
        return reads.accountTransfers(filter);
    }

    @Override
    public final List<AccountBalance> accountBalances(AccountFilter filter) {
        return reads.accountBalances(filter);
    }

    @Override
    public final long transferCount() {
        return reads.transferCount();
    }

    @Override
    public void close() {
        database.close();
    }
}
