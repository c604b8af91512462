package org.corridor.codec.qr;

import java.nio.charset.StandardCharsets;

/**
 * The payload checksum: CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final
 * XOR) over the UTF-8 bytes of the payload up to and including the {@code 6304} that introduces it. The
 * parameters are those of ISO/IEC 13239 that the specification names; the standard check value of
 * {@code "123456789"} is 0x29B1.
 */
public final class Crc16CcittFalse {
    private static final int POLYNOMIAL = 0x1021;
    private static final int INITIAL = 0xFFFF;

    private Crc16CcittFalse() {}

    /** The checksum of {@code bytes}, 0 to 0xFFFF. */
    public static int of(byte[] bytes) {
        int crc = INITIAL;
        for (byte b : bytes) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }

    /** The four upper-case hexadecimal digits of the checksum of {@code text} in UTF-8. */
    public static String hex(String text) {
        int crc = of(text.getBytes(StandardCharsets.UTF_8));
        char[] digits = new char[4];
        for (int i = 3; i >= 0; i--) {
            digits[i] = Character.toUpperCase(Character.forDigit(crc & 0xF, 16));
            crc >>>= 4;
        }
        return new String(digits);
    }
}
