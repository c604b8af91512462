package org.corridor.gateway.fx;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader (RFC 8259) for rate feeds: UTF-8 only, one value with nothing after it but
 * whitespace, no duplicate member names, no comments or trailing commas, nesting at most {@link #DEPTH_MAX}
 * deep and strings at most {@link #STRING_CHARS_MAX} long. Numbers are kept as their exact text
 * ({@link JsonNumber}) for the caller to read without a {@code double}.
 *
 * <p>Objects become unmodifiable {@code Map<String, Object>} in document order, arrays unmodifiable
 * {@code List<Object>}, strings {@code String}, {@code true}/{@code false} {@code Boolean}, and {@code null}
 * {@link #NULL}. Errors give the character offset and the rule, never the text.
 */
final class StrictJson {
    /** The deepest nesting of arrays and objects. */
    static final int DEPTH_MAX = 16;
    /** The longest string, in UTF-16 characters after unescaping. */
    static final int STRING_CHARS_MAX = 1_024;
    /** The JSON {@code null}, which a Java map or list value cannot stand for. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A JSON number, as the exact text of the document. */
    record JsonNumber(String text) {}

    /** A document that is not strict JSON. */
    static final class JsonException extends Exception {
        private static final long serialVersionUID = 1L;

        JsonException(int offset, String problem) {
            super("invalid JSON at character " + offset + ": " + problem);
        }
    }

    private final String text;
    private int position;

    private StrictJson(String text) {
        this.text = text;
    }

    /** The value of a UTF-8 document. */
    static Object parse(byte[] utf8) throws JsonException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new JsonException(0, "not UTF-8");
        }
        StrictJson reader = new StrictJson(text);
        reader.skipWhitespace();
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.position != text.length()) throw reader.error("content after the value");
        return value;
    }

    private Object value(int depth) throws JsonException {
        if (position == text.length()) throw error("a value is missing");
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("not the start of a value");
            }
        };
    }

    private Map<String, Object> object(int depth) throws JsonException {
        if (depth > DEPTH_MAX) throw error("nested deeper than " + DEPTH_MAX);
        position++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') throw error("a member name is expected");
            int nameAt = position;
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = value(depth);
            if (members.putIfAbsent(name, value) != null) throw new JsonException(nameAt, "a member name is repeated");
            skipWhitespace();
            char c = next();
            if (c == '}') return Collections.unmodifiableMap(members);
            if (c != ',') throw error("',' or '}' is expected");
        }
    }

    private List<Object> array(int depth) throws JsonException {
        if (depth > DEPTH_MAX) throw error("nested deeper than " + DEPTH_MAX);
        position++;
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth));
            skipWhitespace();
            char c = next();
            if (c == ']') return Collections.unmodifiableList(elements);
            if (c != ',') throw error("',' or ']' is expected");
        }
    }

    private String string() throws JsonException {
        position++;
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') return out.toString();
            if (c < 0x20) throw error("a control character in a string");
            if (c == '\\') c = escaped();
            if (out.length() == STRING_CHARS_MAX) throw error("a string longer than " + STRING_CHARS_MAX);
            out.append(c);
        }
    }

    private char escaped() throws JsonException {
        char c = next();
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(next(), 16);
                    if (digit < 0) throw error("a \\u escape needs four hex digits");
                    code = code * 16 + digit;
                }
                yield (char) code;
            }
            default -> throw error("an unknown escape");
        };
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, kept as text. */
    private JsonNumber number() throws JsonException {
        int start = position;
        if (peek() == '-') position++;
        if (peek() == '0') {
            position++;
        } else if (!digits()) {
            throw error("a number needs digits");
        }
        if (peek() == '.') {
            position++;
            if (!digits()) throw error("a fraction needs digits");
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') position++;
            if (!digits()) throw error("an exponent needs digits");
        }
        return new JsonNumber(text.substring(start, position));
    }

    private boolean digits() {
        int start = position;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') position++;
        return position > start;
    }

    private Object literal(String word, Object value) throws JsonException {
        if (!text.startsWith(word, position)) throw error("not a value");
        position += word.length();
        return value;
    }

    private void expect(char c) throws JsonException {
        if (next() != c) throw error("'" + c + "' is expected");
    }

    private char next() throws JsonException {
        if (position == text.length()) throw error("the document ends early");
        return text.charAt(position++);
    }

    private char peek() {
        return position == text.length() ? '\0' : text.charAt(position);
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            position++;
        }
    }

    private JsonException error(String problem) {
        return new JsonException(position, problem);
    }
}
