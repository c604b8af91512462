package org.corridor.vault.cryptogram;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a device sends with one payment: its ATC (tag 9F36) and the cryptogram over it (tag 9F26). Neither is secret;
 * the array is copied in and out so that the value cannot change.
 *
 * @param atc the application transaction counter, 1 to {@value SessionKeys#ATC_MAX}
 * @param cryptogram the {@value Cryptograms#CRYPTOGRAM_BYTES}-byte cryptogram
 */
public record DeviceCryptogram(int atc, byte[] cryptogram) {
    /**
     * Checks and copies the fields.
     *
     * @throws IllegalArgumentException if the ATC is out of range or the cryptogram has the wrong length
     */
    public DeviceCryptogram {
        if (atc < 0 || atc > SessionKeys.ATC_MAX) {
            throw new IllegalArgumentException("an ATC must be 0 to " + SessionKeys.ATC_MAX + ", was " + atc);
        }
        if (cryptogram == null || cryptogram.length != Cryptograms.CRYPTOGRAM_BYTES) {
            throw new IllegalArgumentException("a cryptogram must be " + Cryptograms.CRYPTOGRAM_BYTES + " bytes");
        }
        cryptogram = cryptogram.clone();
    }

    /** A copy of the cryptogram bytes. */
    @Override
    public byte[] cryptogram() {
        return cryptogram.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceCryptogram that && atc == that.atc && Arrays.equals(cryptogram, that.cryptogram);
    }

    @Override
    public int hashCode() {
        return 31 * atc + Arrays.hashCode(cryptogram);
    }

    @Override
    public String toString() {
        return "DeviceCryptogram[atc=" + atc + ", cryptogram=" + HexFormat.of().withUpperCase().formatHex(cryptogram)
                + "]";
    }
}
