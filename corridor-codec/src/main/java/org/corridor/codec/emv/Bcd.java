package org.corridor.codec.emv;

/** Packed binary-coded decimal, two digits a byte, as EMV numeric (format n) values use it. */
final class Bcd {
    private Bcd() {}

    /** {@code value} as {@code bytes} bytes of BCD, left-padded with zero digits. */
    static byte[] encode(long value, int bytes) {
        long limit = 1;
        for (int i = 0; i < bytes * 2; i++) limit *= 10;
        if (value < 0 || value >= limit) {
            throw new IllegalArgumentException("value must be 0 to " + (limit - 1) + " to fit " + bytes + " BCD bytes");
        }
        byte[] encoded = new byte[bytes];
        long rest = value;
        for (int i = bytes - 1; i >= 0; i--) {
            int low = (int) (rest % 10);
            rest /= 10;
            int high = (int) (rest % 10);
            rest /= 10;
            encoded[i] = (byte) ((high << 4) | low);
        }
        return encoded;
    }

    /** Whether every nibble is a decimal digit. */
    static boolean isValid(byte[] encoded) {
        for (byte b : encoded) {
            if (((b >>> 4) & 0x0F) > 9 || (b & 0x0F) > 9) return false;
        }
        return true;
    }

    /** The number that {@code encoded} holds; at most nine bytes (18 digits). */
    static long decode(byte[] encoded) {
        if (encoded.length > 9 || !isValid(encoded)) throw new IllegalStateException("not BCD of at most 18 digits");
        long value = 0;
        for (byte b : encoded) {
            value = value * 100 + ((b >>> 4) & 0x0F) * 10 + (b & 0x0F);
        }
        return value;
    }
}
