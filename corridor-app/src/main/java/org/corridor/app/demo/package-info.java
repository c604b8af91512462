/**
 * {@code corridor demo}: the main job a newcomer runs. For now it drives a payment-shaped workload through
 * the ledger (authorizations, captures, voids, expiries, fees, refunds, declines) with a progress bar and
 * prints a summary; later it grows into the full cross-border payment demo.
 */
package org.corridor.app.demo;
