package org.corridor.sim.ledger;

import java.util.SplittableRandom;
import org.corridor.core.Id128;

/** Random 128-bit ids and references for workloads, never the reserved zero or all-ones. */
final class Ids {
    private Ids() {}

    static Id128 fresh(SplittableRandom random) {
        while (true) {
            Id128 id = new Id128(random.nextLong(), random.nextLong());
            if (!id.isZero() && !id.isMax()) return id;
        }
    }

    /** A caller's reference: usually none, sometimes a payment id. */
    static Id128 userData(SplittableRandom random) {
        return random.nextInt(4) == 0 ? fresh(random) : Id128.ZERO;
    }
}
