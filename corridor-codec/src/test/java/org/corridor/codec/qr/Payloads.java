package org.corridor.codec.qr;

/** Test helpers that write payload text by hand, so a test can also write what the builder never would. */
final class Payloads {
    /** A valid payload body without its checksum object, in ID order. */
    static final String BODY = tlv("00", "01") + tlv("01", "12")
            + tlv("26", tlv("00", "com.corridor") + tlv("01", "acct_7Hq2"))
            + tlv("52", "5812") + tlv("53", "840") + tlv("54", "12.50") + tlv("58", "US")
            + tlv("59", "Blue Door Cafe") + tlv("60", "Austin") + tlv("62", tlv("05", "pi_42"));

    private Payloads() {}

    /** ID, two-digit length (in characters), value. */
    static String tlv(String id, String value) {
        int chars = value.codePointCount(0, value.length());
        return id + (chars < 10 ? "0" : "") + chars + value;
    }

    /** {@code body} with a correct checksum object appended. */
    static String withCrc(String body) {
        String header = body + "6304";
        return header + Crc16CcittFalse.hex(header);
    }

    /** {@code BODY} with the object {@code id} replaced by {@code replacement} (an empty one removes it). */
    static String replacing(String id, String replacement) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < BODY.length()) {
            String objectId = BODY.substring(at, at + 2);
            int length = Integer.parseInt(BODY.substring(at + 2, at + 4));
            String object = BODY.substring(at, at + 4 + length);
            out.append(objectId.equals(id) ? replacement : object);
            at += 4 + length;
        }
        return out.toString();
    }
}
