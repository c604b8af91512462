/**
 * Corridor's deterministic core: 128-bit ids, always-on checks and the ledger state machine.
 *
 * <p>This module depends on the JDK only. It performs no I/O, reads no wall clock and makes no randomness:
 * time and everything external are handed in, so a seeded run can be replayed exactly. The build checks
 * these rules (see the architecture tests in {@code corridor-app}).
 */
package org.corridor.core;
