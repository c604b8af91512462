/**
 * Device-token cryptograms, EMV style: the key each token gets at enrolment, the per-payment session key derived
 * from the application transaction counter (ATC), the one-time cryptogram over the payment, and the ATC window that
 * refuses replays.
 *
 * <p>{@link org.corridor.vault.cryptogram.TokenKey} is the secret handed to the device wallet;
 * {@link org.corridor.vault.cryptogram.SessionKeys} derives a session key per ATC (EMV Book 2, A1.3.1);
 * {@link org.corridor.vault.cryptogram.Cryptograms} computes the 8-byte cryptogram (ISO/IEC 9797-1 MAC algorithm
 * 3); {@link org.corridor.vault.cryptogram.DeviceCryptogramMaker} is the device side and
 * {@link org.corridor.vault.cryptogram.CryptogramVerifier} with its {@link org.corridor.vault.cryptogram.AtcWindow}
 * the Corridor side.
 *
 * <p>May depend on {@code corridor-core} and BouncyCastle's lightweight API (DES engines and the ISO/IEC 9797-1
 * MAC, which the JDK lacks) only. No cipher, mode or MAC is written here: only the EMV data layouts around them.
 */
package org.corridor.vault.cryptogram;
