/**
 * The writer's whole state: the ledger plus the switch's objects, changed only by commands on the writer
 * thread and drained once per batch into one {@link org.corridor.core.state.StateChanges} for the store.
 * Idempotency records and their retention live here too, because they must commit with their effect.
 */
package org.corridor.core.state;
