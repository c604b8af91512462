package org.corridor.store;

import java.io.Serial;

/** The database did not do what was asked (a commit failed, a connection broke). */
public final class StoreException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
