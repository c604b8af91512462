package org.corridor.core;

import java.util.HexFormat;

/**
 * An unsigned 128-bit identifier chosen by the caller, as TigerBeetle ids are.
 *
 * <p>Callers pick ids (for example from a ULID or a payment reference), which makes every create command
 * idempotent by its id: a retry carries the same id. Zero and all-ones are reserved and never valid ids.
 *
 * @param high the most significant 64 bits
 * @param low the least significant 64 bits
 */
public record Id128(long high, long low) implements Comparable<Id128> {

    /** The zero id: "none" in optional fields such as a transfer's pending id. */
    public static final Id128 ZERO = new Id128(0, 0);

    /** All 128 bits set: reserved, like zero. */
    public static final Id128 MAX = new Id128(-1L, -1L);

    private static final int HEX_DIGITS = 32;

    /** Builds an id whose high half is zero, handy for small sequential ids. */
    public static Id128 of(long low) {
        return new Id128(0, low);
    }

    /** Parses 1 to 32 hexadecimal digits, as {@link #toString()} writes them. */
    public static Id128 parse(String hex) {
        if (hex == null || hex.isEmpty() || hex.length() > HEX_DIGITS) {
            throw new IllegalArgumentException("an id is 1 to 32 hexadecimal digits");
        }
        String padded = "0".repeat(HEX_DIGITS - hex.length()) + hex;
        try {
            return new Id128(
                    HexFormat.fromHexDigitsToLong(padded, 0, 16), HexFormat.fromHexDigitsToLong(padded, 16, 32));
        } catch (IllegalArgumentException notHex) {
            throw new IllegalArgumentException("an id is 1 to 32 hexadecimal digits", notHex);
        }
    }

    public boolean isZero() {
        return high == 0 && low == 0;
    }

    public boolean isMax() {
        return high == -1L && low == -1L;
    }

    @Override
    public int compareTo(Id128 other) {
        int byHigh = Long.compareUnsigned(high, other.high);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
    }

    /** Thirty-two lower-case hexadecimal digits. */
    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(high) + hex.toHexDigits(low);
    }
}
