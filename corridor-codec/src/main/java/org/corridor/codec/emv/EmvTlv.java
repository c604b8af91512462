package org.corridor.codec.emv;

import com.payneteasy.tlv.BerTag;
import com.payneteasy.tlv.BerTlv;
import com.payneteasy.tlv.BerTlvBuilder;
import com.payneteasy.tlv.BerTlvParser;
import com.payneteasy.tlv.BerTlvs;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DE55 as BER-TLV: {@link EmvData} to bytes and back, with ber-tlv doing the encoding.
 *
 * <p>Parsing treats its input as hostile: it is bounded by {@link #DE55_BYTES_MAX} and {@link #TLVS_MAX},
 * tags outside {@link EmvTag} are skipped (a scheme may add its own; Corridor does not interpret them), a
 * known tag may appear once, at the top level, with a value of its allowed length, and BCD tags must hold
 * BCD. Every failure is a {@link TlvFormatException}.
 */
public final class EmvTlv {
    /** The largest DE55 accepted or produced, in bytes. */
    public static final int DE55_BYTES_MAX = 255;
    /** The most top-level data objects one DE55 may hold. */
    public static final int TLVS_MAX = 64;

    private EmvTlv() {}

    /** The BER-TLV bytes of {@code data}, tags in {@link EmvTag} order. */
    public static byte[] build(EmvData data) {
        if (data.tags().isEmpty()) throw new IllegalArgumentException("EMV data must hold at least one tag");
        BerTlvBuilder builder = new BerTlvBuilder();
        for (EmvTag tag : data.tags()) {
            builder.addBytes(new BerTag(tag.bytes()), data.value(tag).orElseThrow());
        }
        byte[] bytes = builder.buildArray();
        if (bytes.length > DE55_BYTES_MAX) {
            throw new IllegalArgumentException("EMV data needs " + bytes.length + " bytes, over " + DE55_BYTES_MAX);
        }
        return bytes;
    }

    /** The known EMV values in {@code de55}. */
    public static EmvData parse(byte[] de55) throws TlvFormatException {
        if (de55 == null || de55.length == 0 || de55.length > DE55_BYTES_MAX) {
            throw new TlvFormatException("DE55 must have 1 to " + DE55_BYTES_MAX + " bytes");
        }
        List<BerTlv> tlvs = parseTlvs(de55);
        if (tlvs.size() > TLVS_MAX) throw new TlvFormatException("DE55 holds over " + TLVS_MAX + " data objects");
        EmvData.Builder builder = EmvData.builder();
        Set<EmvTag> seen = EnumSet.noneOf(EmvTag.class);
        for (BerTlv tlv : tlvs) {
            Optional<EmvTag> known = EmvTag.of(tlv.getTag().bytes);
            if (known.isEmpty()) continue;
            EmvTag tag = known.get();
            if (!seen.add(tag)) throw new TlvFormatException(tag.hex() + " appears more than once");
            if (!tlv.isPrimitive()) throw new TlvFormatException(tag.hex() + " must be primitive");
            byte[] value = tlv.getBytesValue();
            if (value == null || value.length < tag.valueBytesMin() || value.length > tag.valueBytesMax()) {
                throw new TlvFormatException(tag.hex() + " must have " + tag.valueBytesMin() + " to "
                        + tag.valueBytesMax() + " bytes");
            }
            if (tag.isBcd() && !Bcd.isValid(value)) throw new TlvFormatException(tag.hex() + " must be BCD");
            builder.put(tag, value);
        }
        return builder.build();
    }

    private static List<BerTlv> parseTlvs(byte[] de55) throws TlvFormatException {
        BerTlvs parsed;
        try {
            parsed = new BerTlvParser().parse(de55, 0, de55.length);
        } catch (RuntimeException malformed) {
            throw new TlvFormatException("malformed BER-TLV (" + malformed.getClass().getSimpleName() + ")");
        }
        if (parsed == null || parsed.getList() == null) throw new TlvFormatException("malformed BER-TLV");
        return parsed.getList();
    }
}
