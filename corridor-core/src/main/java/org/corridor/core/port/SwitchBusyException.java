package org.corridor.core.port;

/** The writer's queue is full: nothing was done, and the caller may retry after a short wait. */
public final class SwitchBusyException extends RuntimeException {
    public SwitchBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
