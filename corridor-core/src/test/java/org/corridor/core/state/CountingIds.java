package org.corridor.core.state;

import org.corridor.core.Id128;

/**
 * A deterministic {@link IdSource} for tests: 1, 2, 3 … in the low half, so two runs of the same scenario
 * create the same ids and no id is ever zero.
 */
public final class CountingIds implements IdSource {
    private long last;

    @Override
    public Id128 next() {
        last = Math.addExact(last, 1);
        return Id128.of(last);
    }

    /** How many ids were handed out so far. */
    public long issued() {
        return last;
    }
}
