package org.corridor.codec.emv;

import java.util.HexFormat;
import java.util.Optional;

/**
 * The EMV tags Corridor reads and writes in DE55, each with the value length EMV Book 3 allows (in bytes)
 * and whether the value is BCD.
 */
public enum EmvTag {
    /** Application cryptogram (ARQC, TC or AAC), binary 8. */
    APPLICATION_CRYPTOGRAM("9F26", 8, 8, false),
    /** Application transaction counter, binary 2, incremented by the card on every transaction. */
    APPLICATION_TRANSACTION_COUNTER("9F36", 2, 2, false),
    /** Terminal unpredictable number, binary 4. */
    UNPREDICTABLE_NUMBER("9F37", 4, 4, false),
    /** Amount, authorised, n12 as six bytes of BCD in minor units. */
    AMOUNT_AUTHORISED("9F02", 6, 6, true),
    /** Transaction currency code, n3 as two bytes of BCD (ISO 4217 numeric). */
    TRANSACTION_CURRENCY_CODE("5F2A", 2, 2, true),
    /** Transaction date, YYMMDD as three bytes of BCD. */
    TRANSACTION_DATE("9A", 3, 3, true),
    /** Transaction type, n2 as one byte of BCD ("00" goods and services). */
    TRANSACTION_TYPE("9C", 1, 1, true),
    /** Application interchange profile, binary 2. */
    APPLICATION_INTERCHANGE_PROFILE("82", 2, 2, false),
    /** Issuer application data, binary 1 to 32. */
    ISSUER_APPLICATION_DATA("9F10", 1, 32, false);

    private final String hex;
    private final byte[] bytes;
    private final int valueBytesMin;
    private final int valueBytesMax;
    private final boolean bcd;

    EmvTag(String hex, int valueBytesMin, int valueBytesMax, boolean bcd) {
        this.hex = hex;
        this.bytes = HexFormat.of().parseHex(hex);
        this.valueBytesMin = valueBytesMin;
        this.valueBytesMax = valueBytesMax;
        this.bcd = bcd;
    }

    /** Whether the value is packed decimal (EMV format n), two digits a byte. */
    public boolean isBcd() {
        return bcd;
    }

    /** The tag in upper-case hex, such as {@code "9F26"}. */
    public String hex() {
        return hex;
    }

    /** The tag's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The shortest value this tag may carry, in bytes. */
    public int valueBytesMin() {
        return valueBytesMin;
    }

    /** The longest value this tag may carry, in bytes. */
    public int valueBytesMax() {
        return valueBytesMax;
    }

    /** The tag with these bytes, if Corridor knows it. */
    public static Optional<EmvTag> of(byte[] tagBytes) {
        String wanted = HexFormat.of().withUpperCase().formatHex(tagBytes);
        for (EmvTag tag : values()) {
            if (tag.hex.equals(wanted)) return Optional.of(tag);
        }
        return Optional.empty();
    }
}
