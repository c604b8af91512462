/**
 * Reconciling Corridor with the issuers: the issuers' records (here the issuer simulator's, read in process or
 * through its control interface) against Corridor's card authorizations, and {@code corridor reconcile}.
 */
package org.corridor.app.reconcile;
