package org.corridor.store.writer;

import java.io.Serial;

/** The writer's queue is full: back off and retry. Nothing of the command was applied. */
public final class LedgerOverloadedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    LedgerOverloadedException(int queueCommandsMax) {
        super("the ledger is overloaded: " + queueCommandsMax + " commands are already waiting; retry later");
    }
}
