package org.corridor.core.port;

import java.util.function.Function;
import org.corridor.core.state.SwitchState;

/**
 * The write side as the API sees it: a command runs on the single writer, against the switch's whole state,
 * and its answer comes back only once everything it changed is durable.
 */
public interface SwitchCommands {
    /**
     * Runs {@code command} on the writer thread and waits until its batch is durable.
     *
     * @throws SwitchBusyException when the writer's queue is full: retry later
     * @throws SwitchUnavailableException when the batch was not made durable, or the writer is stopped
     */
    <T> T execute(Function<SwitchState, T> command);
}
