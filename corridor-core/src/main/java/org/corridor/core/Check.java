package org.corridor.core;

/**
 * Always-on checks for invariants. Unlike the {@code assert} keyword they cannot be switched off: money
 * code that runs past a broken invariant does more harm than code that stops.
 */
public final class Check {
    private Check() {}

    /** Throws {@link InvariantViolation} with {@code message} unless {@code condition} holds. */
    public static void that(boolean condition, String message) {
        if (!condition) {
            throw new InvariantViolation(message);
        }
    }
}
