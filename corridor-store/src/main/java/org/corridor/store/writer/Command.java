package org.corridor.store.writer;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.corridor.core.state.SwitchState;

/**
 * A command waiting for the writer, with the future its caller waits on.
 *
 * @param <R> the command's answer
 */
final class Command<R> {
    private final int events;
    private final Function<SwitchState, R> action;
    private final CompletableFuture<R> reply = new CompletableFuture<>();
    private R results;

    Command(int events, Function<SwitchState, R> action) {
        this.events = events;
        this.action = action;
    }

    int events() {
        return events;
    }

    CompletableFuture<R> reply() {
        return reply;
    }

    /** Applies the command to the state machine and keeps the results until the batch is durable. */
    void apply(SwitchState state) {
        results = action.apply(state);
    }

    /** Answers the caller: only once the batch holding this command has committed. */
    void complete() {
        reply.complete(results);
    }

    void fail(Throwable cause) {
        reply.completeExceptionally(cause);
    }
}
