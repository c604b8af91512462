/**
 * Clearing and settlement: settlement windows per currency (open, closed, settled), the multilateral net position
 * of every participant a closed window computes from the ledger, the settlement transfers that settle it, and the
 * net debit caps checked before a payment draws on a participant's account. Runs on the writer thread; depends on
 * the ledger, the state and the participants only (and on the payment package's transfer codes).
 */
package org.corridor.core.settlement;
