package org.corridor.store.writer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.core.state.StateChanges;
import org.corridor.store.LedgerStore;
import org.corridor.store.StoreException;
import org.corridor.store.testing.ForwardingLedgerStore;

/**
 * A real store with faults on demand: a commit that fails before writing anything, or a commit that
 * waits at a gate, so tests can watch the writer while a batch is in flight.
 */
final class FaultyStore extends ForwardingLedgerStore {
    private final AtomicInteger commitsToFail = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile CountDownLatch commitEntered = new CountDownLatch(1);

    FaultyStore(LedgerStore real) {
        super(real);
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
    public void commit(StateChanges changes) {
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
}
