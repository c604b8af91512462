package org.corridor.sim.ledger;

import java.util.EnumSet;

/**
 * The reference model's rule for several failures at once: every check that applies is collected, and the
 * answer is the one declared first in the result enum. This is the precedence promise in its plainest form.
 */
final class Precedence {
    private Precedence() {}

    /** The code declared first among {@code applicable}; {@code none} when nothing applies. */
    static <R extends Enum<R>> R first(EnumSet<R> applicable, R none) {
        // An EnumSet iterates in declaration order.
        return applicable.isEmpty() ? none : applicable.iterator().next();
    }
}
