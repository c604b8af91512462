/**
 * Seeded ledger workloads and the reference model they are checked against.
 *
 * <p>{@link org.corridor.sim.ledger.LedgerWorkload} turns a seed into a stream of ledger commands: accounts,
 * transfers, two-phase reservations, linked chains, retries and clock moves, with the awkward cases mixed in
 * on purpose. {@link org.corridor.sim.ledger.ReferenceLedger} answers the same commands with a deliberately
 * plain model of the ledger's semantics, written apart from the engine, so that a test can drive both and
 * compare every answer and every balance.
 *
 * <p>This package depends on {@code corridor-core}'s public ledger types only (records, result enums and
 * flags), never on the engine's internals. It reads no clock and draws randomness only from the seed it is
 * given, so a seed and a step number replay a run exactly.
 */
package org.corridor.sim.ledger;
