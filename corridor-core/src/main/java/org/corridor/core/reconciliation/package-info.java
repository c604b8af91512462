/**
 * Reconciliation of Corridor's card authorizations with an issuer's own records of the same period: every
 * authorization is matched by its retrieval reference (DE37, unique per authorization and carried by its
 * reversals), and every disagreement is a {@link org.corridor.core.reconciliation.ReconciliationBreak} with its
 * cause. Pure: the records are handed in.
 */
package org.corridor.core.reconciliation;
