package org.corridor.sim.wallet;

import java.util.SplittableRandom;

/**
 * The source of the 32-bit unpredictable numbers (EMV tag 9F37) the cryptograms cover. In a shop the terminal draws
 * it; in an app nobody does, so the wallet does. Seeded, so that a simulation run replays exactly. Thread-safe.
 */
public final class UnpredictableNumbers {
    private final SplittableRandom random; // Guarded by this.

    private UnpredictableNumbers(SplittableRandom random) {
        this.random = random;
    }

    /** A source that gives the same sequence for the same seed. */
    public static UnpredictableNumbers seeded(long seed) {
        return new UnpredictableNumbers(new SplittableRandom(seed));
    }

    /** The next number; all 32 bits are significant. */
    public synchronized int next() {
        return random.nextInt();
    }
}
