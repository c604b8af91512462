package org.corridor.services;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.corridor.core.port.SwitchBusyException;
import org.corridor.core.port.SwitchCommands;
import org.corridor.core.port.SwitchUnavailableException;
import org.corridor.core.state.SwitchState;
import org.corridor.store.writer.LedgerOverloadedException;
import org.corridor.store.writer.LedgerUnavailableException;
import org.corridor.store.writer.LedgerWriter;

/** {@link SwitchCommands} over the single writer: submit, then wait for the durable answer. */
public final class WriterCommands implements SwitchCommands {
    /**
     * How long a caller waits for its batch at most. A batch commits in milliseconds; this only bounds a
     * caller's wait if the disk stalls, and the answer is then "unavailable", never a guess.
     */
    public static final long COMMAND_WAIT_MS = 30_000;

    private final LedgerWriter writer;

    public WriterCommands(LedgerWriter writer) {
        this.writer = writer;
    }

    @Override
    public <T> T execute(Function<SwitchState, T> command) {
        try {
            return writer.execute(command).get(COMMAND_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (LedgerOverloadedException full) {
            throw new SwitchBusyException("the writer's queue is full", full);
        } catch (LedgerUnavailableException stopped) {
            throw new SwitchUnavailableException("the writer is stopped", stopped);
        } catch (ExecutionException | CompletionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof LedgerUnavailableException) {
                throw new SwitchUnavailableException("the batch was not made durable", cause);
            }
            if (cause instanceof RuntimeException runtime) throw runtime;
            throw new SwitchUnavailableException("the command failed", cause);
        } catch (TimeoutException slow) {
            // The command may still commit: the caller must retry with its idempotency key to learn the outcome.
            throw new SwitchUnavailableException("no durable answer within " + COMMAND_WAIT_MS + " ms", slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SwitchUnavailableException("interrupted while waiting for the writer", interrupted);
        }
    }
}
