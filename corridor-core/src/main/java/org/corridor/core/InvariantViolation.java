package org.corridor.core;

import java.io.Serial;

/**
 * A broken invariant: a programmer error, never a business outcome.
 *
 * <p>Business rejections are values (result enums). This exception means the code or the stored state is
 * wrong; it stops the work and must never be caught and retried.
 */
public final class InvariantViolation extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public InvariantViolation(String message) {
        super(message);
    }
}
