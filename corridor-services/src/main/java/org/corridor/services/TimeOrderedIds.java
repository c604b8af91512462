package org.corridor.services;

import java.security.SecureRandom;
import java.time.InstantSource;
import org.corridor.core.Id128;
import org.corridor.core.state.IdSource;

/**
 * Fresh 128-bit ids that sort by creation time, as ULIDs do: the top 48 bits are milliseconds since the epoch,
 * the other 80 random. New rows then land at the right edge of every B-tree keyed by id (transfers, objects)
 * instead of on a random page each, which is what a random id costs a database in pages written. The ids say
 * when they were made; they are not secrets (client secrets and keys are drawn apart, all random).
 */
public final class TimeOrderedIds implements IdSource {
    private final InstantSource clock;
    private final SecureRandom random;

    public TimeOrderedIds(InstantSource clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Id128 next() {
        long millis = clock.millis();
        Id128 id;
        do {
            id = new Id128((millis << 16) | (random.nextInt() & 0xFFFF), random.nextLong());
        } while (id.isZero() || id.isMax());
        return id;
    }
}
