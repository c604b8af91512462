package org.corridor.codec.qr;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a scanned merchant-presented payload. The checks run in {@link QrError} order: size and characters,
 * then the checksum (a damaged scan is reported as such before whatever else it broke), then the
 * ID-length-value structure, then the fields ({@link PayloadFields}).
 *
 * <p>The input is hostile. It is refused before any work past {@link #PAYLOAD_CHARS_MAX} characters, the
 * reader never recurses (templates are read one level deep; deeper content stays opaque), and every refusal
 * is a {@link QrPayloadException}.
 */
public final class MerchantPayloadParser {
    /** The longest payload, in characters, that the specification allows. */
    public static final int PAYLOAD_CHARS_MAX = 512;
    /** {@code 6304} and four hexadecimal digits: the checksum object that ends every payload. */
    static final int CRC_OBJECT_CHARS = 8;
    static final String CRC_HEADER = PayloadIds.CRC + "04";

    private MerchantPayloadParser() {}

    /** The payload in {@code scanned}, or the reason it is refused. */
    public static MerchantPayload parse(String scanned) throws QrPayloadException {
        Objects.requireNonNull(scanned, "scanned");
        // A character is at most two UTF-16 units: anything longer is refused before it is even counted.
        if (scanned.length() > 2 * PAYLOAD_CHARS_MAX
                || scanned.codePointCount(0, scanned.length()) > PAYLOAD_CHARS_MAX) {
            throw new QrPayloadException(QrError.TOO_LONG, PAYLOAD_CHARS_MAX, "",
                    "a payload has at most " + PAYLOAD_CHARS_MAX + " characters");
        }
        int[] codePoints = scanned.codePoints().toArray();
        checkCharacters(codePoints);
        String crc = checkCrc(codePoints);
        List<TlvReader.Located> objects = TlvReader.read(codePoints, 0, codePoints.length, null);
        return PayloadFields.interpret(codePoints, objects, crc);
    }

    private static void checkCharacters(int[] codePoints) throws QrPayloadException {
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            boolean surrogate = c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
            if (control || surrogate) {
                throw new QrPayloadException(QrError.CHARACTER_INVALID, i, "", "a control character or a broken pair");
            }
        }
    }

    /** The checksum that the payload's content gives, once it matches the one written. */
    private static String checkCrc(int[] codePoints) throws QrPayloadException {
        int crcAt = codePoints.length - CRC_OBJECT_CHARS;
        if (crcAt < 0 || !CRC_HEADER.equals(new String(codePoints, crcAt, 4)) || !isHex(codePoints, crcAt + 4)) {
            throw new QrPayloadException(QrError.CRC_MISSING, Math.max(0, crcAt), PayloadIds.CRC,
                    "a payload ends with 6304 and four hexadecimal digits");
        }
        String expected = Crc16CcittFalse.hex(new String(codePoints, 0, codePoints.length - 4));
        // Upper-case is what the writer produces; a reader accepts either, as deployed scanners do.
        String written = new String(codePoints, crcAt + 4, 4).toUpperCase(Locale.ROOT);
        if (!expected.equals(written)) {
            throw new QrPayloadException(QrError.CRC_MISMATCH, crcAt + 4, PayloadIds.CRC,
                    "the checksum does not match the content");
        }
        return expected;
    }

    private static boolean isHex(int[] codePoints, int from) {
        for (int i = from; i < from + 4; i++) {
            if (Character.digit(codePoints[i], 16) < 0 || codePoints[i] > 'f') return false;
        }
        return true;
    }
}
