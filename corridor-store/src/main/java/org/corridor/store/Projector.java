package org.corridor.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches that are already durable in the batch log into the ledger's tables, on a thread of its
 * own, many batches per transaction.
 *
 * <p>Folding batches together is what makes this cheap: an account touched by a hundred batches is written
 * once, and the indexes take many rows per page. The lag is bounded: when more than
 * {@link #LAG_ROWS_MAX} rows wait, {@link #enqueue} holds the writer back, so the tables can never fall
 * further behind than that. Readers call {@link #awaitCaughtUp} first, so they see every batch that was
 * acknowledged before they asked.
 */
final class Projector implements AutoCloseable {
    /** Rows written in one transaction of the tables at most. */
    static final long ROWS_PER_PROJECTION_MAX = 800_000;
    /** Rows waiting to be written at most before the writer is held back. */
    static final long LAG_ROWS_MAX = 1_600_000;
    /** How long a reader or the held-back writer waits for the tables before it reports a fault. */
    static final long WAIT_MS = 60_000;
    /** Attempts to write one projection before the projector stops and reports the fault. */
    static final int ATTEMPTS_MAX = 5;
    static final long RETRY_BACKOFF_MS = 200;

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    /** Writes folded batches into the tables and records {@code throughSequence}, in one transaction. */
    @FunctionalInterface
    interface Target {
        void project(LoggedBatch batch, long throughSequence);
    }

    private record Pending(long sequence, LoggedBatch batch, long rows) {}

    private final Target target;
    private final BatchLog batchLog;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition progress = lock.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Thread thread;
    private long queuedRows;
    private long enqueuedSequence;
    private long projectedSequence;
    private boolean closing;
    private RuntimeException fault;

    Projector(Target target, BatchLog batchLog, long projectedSequence, String name) {
        this.target = target;
        this.batchLog = batchLog;
        this.projectedSequence = projectedSequence;
        this.enqueuedSequence = projectedSequence;
        this.thread = Thread.ofPlatform().name(name).daemon(true).start(this::run);
    }

    /** Hands over a batch that is durable in the log; waits while the tables are too far behind. */
    void enqueue(long sequence, LoggedBatch batch) {
        long rows = MergedChanges.rows(batch);
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
            while (queuedRows > 0 && queuedRows + rows > LAG_ROWS_MAX && fault == null) {
                if (!awaitUntil(progress, deadline)) {
                    throw new StoreException("the ledger's tables fell " + queuedRows + " rows behind and did not"
                            + " catch up within " + WAIT_MS + " ms", null);
                }
            }
            throwIfFaulted();
            queue.addLast(new Pending(sequence, batch, rows));
            queuedRows += rows;
            enqueuedSequence = sequence;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the tables hold every batch handed over before this call. */
    void awaitCaughtUp() {
        lock.lock();
        try {
            long wanted = enqueuedSequence;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
            while (projectedSequence < wanted) {
                throwIfFaulted();
                if (!awaitUntil(progress, deadline)) {
                    throw new StoreException("the ledger's tables did not catch up with batch " + wanted
                            + " within " + WAIT_MS + " ms", null);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            List<Pending> taken = take();
            if (taken == null) return;
            LoggedBatch folded = MergedChanges.of(taken.stream().map(Pending::batch).toList());
            long through = taken.getLast().sequence();
            if (!projectWithRetries(folded, through)) return;
            long rows = taken.stream().mapToLong(Pending::rows).sum();
            lock.lock();
            try {
                projectedSequence = through;
                queuedRows -= rows;
                progress.signalAll();
            } finally {
                lock.unlock();
            }
            try {
                batchLog.trimThrough(through);
            } catch (RuntimeException trimFailure) {
                // The entries stay in the log and are skipped by recovery; the next trim takes them.
                log.warn("trimming the batch log through {} failed", through, trimFailure);
            }
        }
    }

    /** Takes the waiting batches, up to a projection's worth; null once closing and nothing is left. */
    private List<Pending> take() {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closing) return null;
                work.awaitUninterruptibly();
            }
            List<Pending> taken = new ArrayList<>();
            long rows = 0;
            while (!queue.isEmpty() && (taken.isEmpty() || rows + queue.peekFirst().rows() <= ROWS_PER_PROJECTION_MAX)) {
                Pending next = queue.pollFirst();
                rows += next.rows();
                taken.add(next);
            }
            return taken;
        } finally {
            lock.unlock();
        }
    }

    private boolean projectWithRetries(LoggedBatch folded, long through) {
        for (int attempt = 1; ; attempt++) {
            try {
                target.project(folded, through);
                return true;
            } catch (RuntimeException failure) {
                if (attempt >= ATTEMPTS_MAX) {
                    log.error("writing batches through {} into the tables failed {} times; the store stops",
                            through, attempt, failure);
                    lock.lock();
                    try {
                        fault = new StoreException("the ledger's tables cannot take batch " + through + " (it stays"
                                + " in the batch log; fix the cause and restart): " + failure.getMessage(), failure);
                        progress.signalAll();
                    } finally {
                        lock.unlock();
                    }
                    return false;
                }
                log.warn("writing batches through {} into the tables failed (attempt {}); retrying", through,
                        attempt, failure);
                try {
                    Thread.sleep(RETRY_BACKOFF_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private void throwIfFaulted() {
        if (fault != null) throw fault;
    }

    private static boolean awaitUntil(Condition condition, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) return false;
        try {
            condition.awaitNanos(left);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the ledger's tables", interrupted);
        }
    }

    /** Writes everything handed over, then stops the thread. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(WAIT_MS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
