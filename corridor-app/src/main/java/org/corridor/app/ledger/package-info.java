/** Operator commands on the ledger itself: {@code corridor ledger verify} and {@code corridor ledger account}. */
package org.corridor.app.ledger;
