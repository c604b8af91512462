package org.corridor.codec.qr;

import java.util.List;
import org.corridor.core.Check;

/**
 * One ID-length-value element of a payload or of a template: a two-digit ID and a value of 1 to {@link
 * #VALUE_CHARS_MAX} characters. The length written before the value counts characters (Unicode code points),
 * not bytes, as the specification requires for the alternate-language template.
 *
 * @param id two digits, {@code 00} to {@code 99}
 * @param value the value as it appears in the payload; for a template, its encoded content
 */
public record DataObject(String id, String value) {
    /** The longest value a two-digit length can announce, in characters. */
    public static final int VALUE_CHARS_MAX = 99;

    /** Checks the invariants: callers validate merchant data before they build an object from it. */
    public DataObject {
        Check.that(isTwoDigits(id), "a data object ID is two digits");
        Check.that(value != null, "a data object has a value");
        int chars = value.codePointCount(0, value.length());
        Check.that(chars >= 1 && chars <= VALUE_CHARS_MAX, "a data object value has 1 to 99 characters");
    }

    /** The length of the value in characters. */
    public int valueChars() {
        return value.codePointCount(0, value.length());
    }

    /** This object as ID, two-digit length and value. */
    public String encode() {
        StringBuilder out = new StringBuilder(4 + value.length());
        appendTo(out);
        return out.toString();
    }

    void appendTo(StringBuilder out) {
        int chars = valueChars();
        out.append(id).append((char) ('0' + chars / 10)).append((char) ('0' + chars % 10)).append(value);
    }

    /** The objects one after the other, as a payload body or a template's content. */
    public static String encodeAll(List<DataObject> objects) {
        StringBuilder out = new StringBuilder();
        for (DataObject object : objects) object.appendTo(out);
        return out.toString();
    }

    static boolean isTwoDigits(String text) {
        return text != null && text.length() == 2 && isDigit(text.charAt(0)) && isDigit(text.charAt(1));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
