package org.corridor.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.corridor.core.Check;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountBalance;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.state.StateChanges;
import org.corridor.core.state.SwitchState;
import org.corridor.store.records.RecordRow;

/**
 * What the SQLite and PostgreSQL stores share: a batch is durable once its entry is in the
 * {@link BatchLog}; the {@link Projector} then writes it into the tables, where reads and restore find it
 * through the same SQL ({@link LedgerReads}). Only the way the tables are written differs, in each
 * subclass's {@link #project}.
 *
 * <p>On opening, batches that are in the log but not yet in the tables (the process died in between) are
 * written first, so a reader never sees the tables behind an acknowledged batch.
 */
abstract sealed class JdbcLedgerStore implements LedgerStore permits SqliteLedgerStore, PostgresLedgerStore {
    final Database database;
    final LedgerReads reads;
    private BatchLog batchLog;
    private Projector projector;

    JdbcLedgerStore(Database database, DatabaseKind kind) {
        Check.that(database.kind() == kind, "a " + kind.label() + " store needs a "
                + kind.label() + " database");
        this.database = database;
        this.reads = new LedgerReads(database.dataSource(), kind);
    }

    /** Called by each subclass's constructor once it can {@link #project}: recovers, then starts projecting. */
    final void openBatchLog(BatchLog log) {
        try {
            recover(log);
        } catch (RuntimeException refused) {
            log.close();
            throw refused;
        }
    }

    private void recover(BatchLog log) {
        batchLog = log;
        long projected = projectedSequence();
        log.continueAfter(projected);
        Recovery recovery = new Recovery(projected);
        log.readAfter(projected, recovery);
        recovery.flush();
        projector = new Projector(this::project, log, recovery.last, "ledger-projector-" + kind());
    }

    /** Writes the batches the log holds beyond the tables, in order, folded as the projector folds them. */
    private final class Recovery implements BatchLog.EntryConsumer {
        private final List<LoggedBatch> unprojected = new ArrayList<>();
        private long rows;
        private long last;

        Recovery(long projected) {
            this.last = projected;
        }

        @Override
        public void accept(long sequence, byte[] entry) {
            if (sequence != last + 1) {
                throw new StoreException("the batch log holds batch " + sequence + " next, but the tables hold"
                        + " every batch through " + last + ": a batch is missing, or the log belongs to another"
                        + " ledger; refusing to open", null);
            }
            LoggedBatch batch = BatchCodec.decode(entry);
            unprojected.add(batch);
            rows += MergedChanges.rows(batch);
            last = sequence;
            if (rows >= Projector.ROWS_PER_PROJECTION_MAX) flush();
        }

        void flush() {
            if (unprojected.isEmpty()) return;
            project(MergedChanges.of(unprojected), last);
            unprojected.clear();
            rows = 0;
        }
    }

    /**
     * Makes a batch durable: one entry appended to the batch log and synced. The tables follow on the
     * projector's thread.
     */
    @Override
    public final void commit(StateChanges changes) {
        if (changes.isEmpty()) return;
        LoggedBatch batch = new LoggedBatch(changes.ledger(), changes.records().stream().map(RecordRow::of).toList());
        long sequence = batchLog.append(BatchCodec.encode(batch));
        projector.enqueue(sequence, batch);
    }

    /**
     * Writes (possibly folded) batches into the tables and records {@code throughSequence} as projected,
     * in ONE transaction; throws {@link StoreException} after rolling back on any failure.
     */
    abstract void project(LoggedBatch batch, long throughSequence);

    private long projectedSequence() {
        try (Connection connection = database.dataSource().getConnection();
                Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("SELECT sequence FROM ledger_projection WHERE id = 1")) {
            Check.that(row.next(), "the ledger_projection row is missing");
            return row.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot read how far the tables are projected", e);
        }
    }

    @Override
    public final String kind() {
        return database.kind().label();
    }

    @Override
    public final void restore(LedgerStateMachine machine) {
        projector.awaitCaughtUp();
        reads.restore(machine);
    }

    @Override
    public final void restoreRecords(SwitchState state) {
        projector.awaitCaughtUp();
        reads.restoreRecords(state);
    }

    @Override
    public final Optional<Account> lookupAccount(Id128 id) {
        projector.awaitCaughtUp();
        return reads.lookupAccount(id);
    }

    @Override
    public final Optional<Transfer> lookupTransfer(Id128 id) {
        projector.awaitCaughtUp();
        return reads.lookupTransfer(id);
    }

    @Override
    public final Optional<PendingStatus> lookupPendingStatus(Id128 id) {
        projector.awaitCaughtUp();
        return reads.lookupPendingStatus(id);
    }

    @Override
    public final List<Transfer> accountTransfers(AccountFilter filter) {
        projector.awaitCaughtUp();
        return reads.accountTransfers(filter);
    }

    @Override
    public final List<AccountBalance> accountBalances(AccountFilter filter) {
        projector.awaitCaughtUp();
        return reads.accountBalances(filter);
    }

    @Override
    public final long transferCount() {
        projector.awaitCaughtUp();
        return reads.transferCount();
    }

    @Override
    public void close() {
        try {
            if (projector != null) projector.close();
            if (batchLog != null) batchLog.close();
        } finally {
            database.close();
        }
    }
}
