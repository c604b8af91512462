/**
 * {@code corridor wallet-sim}: device wallets paying through a running Corridor node. It reads the issuer
 * simulator's bank directory, onboards those banks as issuers plus a wallet provider and one merchant per currency
 * (as the operator), enrols seeded test cards onto simulated phones, then pays with them: captures whole and in
 * part, voids, refunds, and a few deliberate refusals (a replayed ATC, a corrupted cryptogram, the wrong channel, a
 * suspended token). It prints a summary; card numbers and device PANs only masked.
 *
 * <p>Uses the device wallet library of {@code corridor-sim} ({@link org.corridor.sim.wallet}) and talks to the node
 * over its public HTTP API only.
 */
package org.corridor.app.wallet;
