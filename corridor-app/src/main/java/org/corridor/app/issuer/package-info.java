/**
 * {@code corridor issuer-sim}: the simulated issuing banks of {@code corridor-sim} served over ISO 8583 until
 * Ctrl-C, for the card rails to talk to.
 */
package org.corridor.app.issuer;
