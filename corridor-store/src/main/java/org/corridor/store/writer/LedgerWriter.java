package org.corridor.store.writer;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.corridor.core.EpochNanos;
import org.corridor.core.InvariantViolation;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.CreateAccountResult;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.LedgerAudit;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.payment.PaymentAudit;
import org.corridor.core.settlement.SettlementAudit;
import org.corridor.core.state.IdSource;
import org.corridor.core.state.StateChanges;
import org.corridor.core.state.SwitchState;
import org.corridor.store.LedgerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the ledger and the switch's objects.
 *
 * <p>Any thread may submit; a bounded queue holds commands (a full queue rejects at once with
 * {@link LedgerOverloadedException}); one platform thread drains up to {@link #EVENTS_PER_BATCH_MAX}
 * events, applies them in order, commits the batch in one transaction and only then completes the
 * futures. If the commit fails, or the state machine finds a broken invariant, the batch's callers get
 * {@link LedgerUnavailableException} and the writer rebuilds its memory from the store before it takes the
 * next command.
 */
public final class LedgerWriter implements AutoCloseable {
    /** Commands waiting at most; beyond this callers are pushed back. */
    public static final int QUEUE_COMMANDS_MAX = 16_384;
    /** What a command on the switch's state counts for against the batch bound: a payment books up to 3 transfers. */
    static final int EVENTS_PER_SWITCH_COMMAND = 4;
    /** Events (accounts or transfers) committed in one transaction at most. */
    public static final int EVENTS_PER_BATCH_MAX = 2 * LedgerStateMachine.EVENTS_PER_COMMAND_MAX;
    /** Attempts to rebuild from the store after a failed commit before the writer gives up. */
    public static final int REBUILD_ATTEMPTS_MAX = 20;
    /** Pause between rebuild attempts. */
    public static final long REBUILD_BACKOFF_MS = 500;
    /** How long the writer waits for work before it looks at its stop flag again. */
    private static final long IDLE_POLL_MS = 50;
    /** How long {@link #close()} waits for the writer thread to finish its batch. */
    private static final long CLOSE_WAIT_MS = 30_000;

    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);

    private final LedgerStore store;
    private final InstantSource clock;
    private final BatchObserver observer;
    private final ArrayBlockingQueue<Command<?>> queue = new ArrayBlockingQueue<>(QUEUE_COMMANDS_MAX);
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Throwable givenUp;
    private final IdSource ids;
    private final CommitListener listener;
    private SwitchState state;

    private LedgerWriter(LedgerStore store, InstantSource clock, BatchObserver observer, IdSource ids,
            CommitListener listener) {
        this.store = store;
        this.clock = clock;
        this.observer = observer;
        this.ids = ids;
        this.listener = listener;
        this.state = restore(store, ids);
        this.thread = Thread.ofPlatform().name("ledger-writer").daemon(false).unstarted(this::run);
    }

    /**
     * Loads the ledger from the store, audits it, and starts the writer thread.
     *
     * @throws InvariantViolation when the stored ledger fails its audit: Corridor refuses to run on it
     */
    public static LedgerWriter start(LedgerStore store, InstantSource clock, BatchObserver observer, IdSource ids,
            CommitListener listener) {
        LedgerWriter writer = new LedgerWriter(store, clock, observer, ids, listener);
        listener.restored(writer.state);
        writer.thread.start();
        return writer;
    }

    /** A writer for the ledger alone: its commands create no objects and need no ids. */
    public static LedgerWriter start(LedgerStore store, InstantSource clock, BatchObserver observer) {
        return start(store, clock, observer, () -> {
            throw new IllegalStateException("this writer was started for the ledger alone and has no id source");
        }, CommitListener.NONE);
    }

    public static LedgerWriter start(LedgerStore store, InstantSource clock) {
        return start(store, clock, BatchObserver.NONE);
    }

    /** Commands waiting for the writer: a gauge of how far behind it is. */
    public int queueDepth() {
        return queue.size();
    }

    /** Whether the writer takes commands: started, not stopping, not given up after a failed commit. */
    public boolean running() {
        return thread.isAlive() && !stopping && givenUp == null;
    }

    /**
     * Submits a command on the switch's whole state (ledger and objects); the future completes with its
     * answer once everything it changed is durable. The command runs on the writer thread and must not
     * block; a command that throws fails its whole batch (fail-stop), so it checks its input first.
     */
    public <R> CompletableFuture<R> execute(Function<SwitchState, R> action) {
        Objects.requireNonNull(action, "action");
        return submit(new Command<>(EVENTS_PER_SWITCH_COMMAND, action));
    }

    /** Submits a command creating transfers; the future completes once the outcome is durable. */
    public CompletableFuture<List<CreateTransferResult>> createTransfers(List<Transfer> transfers) {
        checkEvents(transfers);
        List<Transfer> copy = List.copyOf(transfers);
        return submit(new Command<>(copy.size(), s -> s.ledger().createTransfers(copy)));
    }

    /** Submits a command creating accounts; the future completes once the outcome is durable. */
    public CompletableFuture<List<CreateAccountResult>> createAccounts(List<Account> accounts) {
        checkEvents(accounts);
        List<Account> copy = List.copyOf(accounts);
        return submit(new Command<>(copy.size(), s -> s.ledger().createAccounts(copy)));
    }

    private static void checkEvents(List<?> events) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty() || events.size() > LedgerStateMachine.EVENTS_PER_COMMAND_MAX) {
            throw new IllegalArgumentException(
                    "a command holds 1 to " + LedgerStateMachine.EVENTS_PER_COMMAND_MAX + " events");
        }
        for (Object event : events) Objects.requireNonNull(event, "an event is null");
    }

    private <R> CompletableFuture<R> submit(Command<R> command) {
        if (stopping || givenUp != null) {
            throw new LedgerUnavailableException("the ledger writer is stopped", givenUp);
        }
        if (!queue.offer(command)) {
            throw new LedgerOverloadedException(QUEUE_COMMANDS_MAX);
        }
        return command.reply();
    }

    private void run() {
        List<Command<?>> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                Command<?> first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                int events = first.events();
                Command<?> next;
                while ((next = queue.peek()) != null && events + next.events() <= EVENTS_PER_BATCH_MAX) {
                    batch.add(queue.poll());
                    events += next.events();
                }
                applyAndCommit(batch, events);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException failure) {
                log.error("ledger batch failed; its callers are told it is not durable, rebuilding from the store",
                        failure);
                LedgerUnavailableException unavailable =
                        new LedgerUnavailableException("the ledger batch was not committed", failure);
                batch.forEach(command -> command.fail(unavailable));
                if (!rebuild()) break;
            } finally {
                batch.clear();
            }
        }
        failWaiting();
    }

    private void applyAndCommit(List<Command<?>> batch, int events) {
        state.beginBatch(EpochNanos.of(clock.instant()));
        for (Command<?> command : batch) command.apply(state);
        StateChanges changes = state.drainChanges();
        long started = System.nanoTime();
        if (!changes.isEmpty()) store.commit(changes);
        observer.batchCommitted(batch.size(), events, System.nanoTime() - started);
        // Readers of committed objects see the batch before any of its callers hears back.
        if (!changes.records().isEmpty()) listener.committed(changes.records());
        for (Command<?> command : batch) command.complete();
    }

    /** Throws away memory that may be ahead of disk and loads the committed ledger again. */
    private boolean rebuild() {
        for (int attempt = 1; attempt <= REBUILD_ATTEMPTS_MAX && !stopping; attempt++) {
            try {
                state = restore(store, ids);
                listener.restored(state);
                log.info("ledger rebuilt from the store after a failed batch (attempt {})", attempt);
                return true;
            } catch (RuntimeException failure) {
                log.error("rebuilding the ledger failed (attempt {} of {})", attempt, REBUILD_ATTEMPTS_MAX, failure);
                givenUp = failure;
                try {
                    Thread.sleep(REBUILD_BACKOFF_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private static SwitchState restore(LedgerStore store, IdSource ids) {
        LedgerStateMachine restored = new LedgerStateMachine();
        store.restore(restored);
        List<String> violations = LedgerAudit.violations(restored);
        if (!violations.isEmpty()) {
            throw new InvariantViolation("the stored ledger fails its audit (" + violations.size() + " violations), first: "
                    + violations.subList(0, Math.min(5, violations.size())));
        }
        SwitchState switchState = new SwitchState(restored, ids);
        store.restoreRecords(switchState);
        switchState.restored(restored.lastTimestamp());
        List<String> broken = new ArrayList<>(PaymentAudit.violations(switchState));
        broken.addAll(SettlementAudit.violations(switchState));
        if (!broken.isEmpty()) {
            throw new InvariantViolation("the stored payments disagree with the ledger (" + broken.size()
                    + " violations), first: " + broken.subList(0, Math.min(5, broken.size())));
        }
        return switchState;
    }

    private void failWaiting() {
        LedgerUnavailableException stopped = new LedgerUnavailableException("the ledger writer stopped", givenUp);
        Command<?> waiting;
        while ((waiting = queue.poll()) != null) waiting.fail(stopped);
    }


    /** Finishes the waiting commands, then stops the writer thread. */
    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(CLOSE_WAIT_MS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        failWaiting();
    }
}
