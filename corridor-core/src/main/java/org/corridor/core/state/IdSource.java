package org.corridor.core.state;

import org.corridor.core.Id128;

/**
 * Where the writer's commands get fresh ids for the ledger transfers and accounts they create. Handed in
 * (random in production, seeded in simulations) because the core makes no randomness of its own.
 */
@FunctionalInterface
public interface IdSource {
    Id128 next();
}
