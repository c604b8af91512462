package org.corridor.vault.cryptogram;

/**
 * The outcome of checking a device cryptogram, in the order the checks run.
 *
 * <p>The cryptogram is checked first, before the ATC window is read or moved: an unauthenticated request must not
 * learn anything about a token's counter, nor burn an ATC that the real device has yet to use. Only a cryptogram
 * made with the token's key for exactly this ATC and payment reaches the window, whose three refusals exclude one
 * another (equal, lower, too far ahead) and are listed in the order the window tests them.
 */
public enum CryptogramCheck {
    /** The cryptogram is right and its ATC was admitted: the payment may go on. */
    OK,
    /** The cryptogram does not match the token's key, the ATC and the payment data. */
    CRYPTOGRAM_INVALID,
    /** The ATC equals the highest one already admitted: a replay or a concurrent duplicate. */
    ATC_REPLAYED,
    /** The ATC is below the highest one already admitted. */
    ATC_LOWER,
    /** The ATC is more than {@link AtcWindow#ATC_JUMP_MAX} above the highest one already admitted. */
    ATC_JUMP_TOO_LARGE
}
