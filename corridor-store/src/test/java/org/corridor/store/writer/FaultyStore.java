package org.corridor.store.writer;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountBalance;
import org.corridor.core.ledger.LedgerChanges;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.store.AccountFilter;
import org.corridor.store.LedgerStore;
import org.corridor.store.StoreException;

/**
 * A real store with faults on demand: a commit that fails before writing anything, or a commit that
 * waits at a gate, so tests can watch the writer while a batch is in flight.
 */
final class FaultyStore implements LedgerStore {
    private final LedgerStore real;
    private final AtomicInteger commitsToFail = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile CountDownLatch commitEntered = new CountDownLatch(1);

    FaultyStore(LedgerStore real) {
        this.real = real;
    }

    void failNextCommits(int count) {
        commitsToFail.set(count);
    }

    /** Makes every commit wait until {@link #openGate()}. */
    void closeGate() {
        commitEntered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    /** Waits until a commit that began after {@link #closeGate()} is waiting at the gate. */
    boolean awaitCommitAtGate() throws InterruptedException {
        return commitEntered.await(30, TimeUnit.SECONDS);
    }

    void openGate() {
        gate.countDown();
    }

    @Override
    public void commit(LedgerChanges changes) {
        commitEntered.countDown();
        try {
            if (!gate.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the test never opened the gate");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (commitsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreException("injected commit failure", new java.sql.SQLException("disk on fire"));
        }
        real.commit(changes);
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
}
