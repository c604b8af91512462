/**
 * The card vault: the only code in Corridor that sees a clear primary account number (PAN).
 *
 * <p>{@link org.corridor.vault.Pan} holds a card number and masks itself wherever it is printed;
 * {@link org.corridor.vault.PanCipher} encrypts it at rest (Tink AEAD, AES-256-GCM, bound to its row by associated
 * data); {@link org.corridor.vault.PanFingerprint} gives a keyed hash to look a card up without its clear number;
 * {@link org.corridor.vault.VaultKeys} keeps the Tink keysets in files. Device-token cryptograms and the ATC
 * window live in {@code org.corridor.vault.cryptogram}.
 *
 * <p>May depend on {@code corridor-core}, {@code corridor-codec} (for the Luhn check), Tink and, for the EMV
 * 3DES session keys and MACs, BouncyCastle only. Nothing
 * outside this package can read a {@code Pan}'s digits: the reveal method is package-private on purpose.
 */
package org.corridor.vault;
