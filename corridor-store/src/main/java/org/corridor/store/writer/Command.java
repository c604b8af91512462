package org.corridor.store.writer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.corridor.core.ledger.LedgerStateMachine;

/**
 * A command waiting for the writer, with the future its caller waits on.
 *
 * @param <R> the result type of one event
 */
final class Command<R> {
    private final int events;
    private final Function<LedgerStateMachine, List<R>> action;
    private final CompletableFuture<List<R>> reply = new CompletableFuture<>();
    private List<R> results;

    Command(int events, Function<LedgerStateMachine, List<R>> action) {
        this.events = events;
        this.action = action;
    }

    int events() {
        return events;
    }

    CompletableFuture<List<R>> reply() {
        return reply;
    }

    /** Applies the command to the state machine and keeps the results until the batch is durable. */
    void apply(LedgerStateMachine machine) {
        results = action.apply(machine);
    }

    /** Answers the caller: only once the batch holding this command has committed. */
    void complete() {
        reply.complete(results);
    }

    void fail(Throwable cause) {
        reply.completeExceptionally(cause);
    }
}
