package org.corridor.codec.qr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a run of characters into ID-length-value data objects, remembering where each one starts so that
 * a refusal can point at it. It reads one level only and never recurses: a template's content is read by a
 * second call on the value's range, so nesting is bounded by the caller, not by the input.
 */
final class TlvReader {
    /** The smallest data object: a two-digit ID, a two-digit length and one character. */
    private static final int OBJECT_CHARS_MIN = 5;

    /** A data object and where it was found. */
    record Located(DataObject object, int position, int valueStart) {
        int idNumber() {
            return Integer.parseInt(object.id());
        }
    }

    private TlvReader() {}

    /**
     * The data objects in {@code codePoints[from, to)}. Structure faults are reported as {@code fault} for a
     * template's content (the caller passes {@link QrError#TEMPLATE_MALFORMED}) or with their own code at the
     * top level (the caller passes {@code null}).
     */
    static List<Located> read(int[] codePoints, int from, int to, QrError fault) throws QrPayloadException {
        // A payload of 512 characters holds at most 102 objects: the list can never grow past that.
        List<Located> objects = new ArrayList<>((to - from) / OBJECT_CHARS_MIN + 1);
        int at = from;
        while (at < to) {
            if (to - at < 4) throw fail(fault, QrError.LENGTH_OVERRUN, at, "", "an ID and length are cut off");
            String id = new String(codePoints, at, 2);
            if (!DataObject.isTwoDigits(id)) throw fail(fault, QrError.ID_INVALID, at, "", "an ID is two digits");
            String length = new String(codePoints, at + 2, 2);
            if (!DataObject.isTwoDigits(length) || length.equals("00")) {
                throw fail(fault, QrError.LENGTH_INVALID, at + 2, id, "a length is two digits from 01 to 99");
            }
            int chars = Integer.parseInt(length);
            int valueStart = at + 4;
            if (chars > to - valueStart) {
                throw fail(fault, QrError.LENGTH_OVERRUN, at + 2, id, "the length runs past the end");
            }
            objects.add(new Located(new DataObject(id, new String(codePoints, valueStart, chars)), at, valueStart));
            at = valueStart + chars;
        }
        return objects;
    }

    private static QrPayloadException fail(QrError fault, QrError own, int at, String id, String detail) {
        return new QrPayloadException(fault == null ? own : fault, at, id, detail);
    }
}
