package org.corridor.core.state;

/**
 * What a command answered: a result code from its precedence-ordered enum, and the object it produced or
 * found (null when there is none to show).
 *
 * @param <R> the command's result enum, whose first constant is the success
 * @param <T> the object type
 */
public record Outcome<R extends Enum<R>, T>(R result, T value) {
    public static <R extends Enum<R>, T> Outcome<R, T> of(R result, T value) {
        return new Outcome<>(result, value);
    }

    public static <R extends Enum<R>, T> Outcome<R, T> refused(R result) {
        return new Outcome<>(result, null);
    }

    /** Success is always the enum's first constant. */
    public boolean ok() {
        return result.ordinal() == 0;
    }
}
