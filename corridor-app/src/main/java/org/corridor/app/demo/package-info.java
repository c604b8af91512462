/**
 * {@code corridor demo}: the main job a newcomer runs. It starts the issuer simulator and a Corridor node in one
 * process, onboards every participant and opens shoppers' wallets through the public API (as {@code wallet-sim}
 * does, reusing its onboarding and card enrolment), drives a cross-border mix of card-token, account-wallet, QR,
 * FX and escrow payments at a paced rate, then reconciles with the simulator's books, verifies the stored ledger
 * and prints a summary. It may depend on the app's node, wallet, reconcile and ledger packages and on the simulators.
 */
package org.corridor.app.demo;
