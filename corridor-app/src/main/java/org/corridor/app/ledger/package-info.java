/** Operator commands on the ledger itself: {@code corridor ledger verify}. */
package org.corridor.app.ledger;
