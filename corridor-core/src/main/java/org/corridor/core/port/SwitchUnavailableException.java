package org.corridor.core.port;

/**
 * The command's batch was not made durable (the writer rebuilds from the store) or the writer is stopped:
 * nothing the command did happened.
 */
public final class SwitchUnavailableException extends RuntimeException {
    public SwitchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
