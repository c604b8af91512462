package org.corridor.store.writer;

import java.io.Serial;

/**
 * The command's outcome is not durable: the writer is stopped, rebuilding, or its commit failed. Retry
 * with the same ids: a command that did commit after all answers {@code EXISTS}.
 */
public final class LedgerUnavailableException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
