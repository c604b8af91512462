package org.corridor.sim.wallet;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code Idempotency-Key} of every POST the simulator sends: a run prefix and a counter. The prefix must differ
 * between runs, or a second run would get the first run's stored answers back (and its tokens' ATCs would repeat).
 */
public final class IdempotencyKeys {
    /** The longest key the API accepts. */
    public static final int KEY_CHARS_MAX = 255;
    /** The longest prefix, leaving room for the counter. */
    public static final int PREFIX_CHARS_MAX = 200;

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    private IdempotencyKeys(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Keys {@code prefix-1}, {@code prefix-2}, and so on.
     *
     * @throws IllegalArgumentException if {@code prefix} is blank or longer than {@value #PREFIX_CHARS_MAX}
     */
    public static IdempotencyKeys withPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isBlank() || prefix.length() > PREFIX_CHARS_MAX) {
            throw new IllegalArgumentException("an idempotency key prefix must be 1 to " + PREFIX_CHARS_MAX + " characters");
        }
        return new IdempotencyKeys(prefix);
    }

    /** The next key; distinct from every earlier one of this object. */
    public String next() {
        return prefix + "-" + counter.incrementAndGet();
    }
}
