package org.corridor.gateway.fx;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a reader into lines ended by LF or CRLF, refusing a line longer than a limit as soon as the limit is
 * passed, so a file without line breaks is never read into memory whole.
 */
final class BoundedLines {
    private final Reader reader;
    private final int lineCharsMax;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean ended;

    BoundedLines(Reader reader, int lineCharsMax) {
        this.reader = reader;
        this.lineCharsMax = lineCharsMax;
    }

    /** Line {@code number} without its break, or null at the end. */
    String next(int number) throws IOException, RateSourceException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = read();
            if (c == -1) return line.isEmpty() ? null : withoutReturn(number, line);
            if (c == '\n') return withoutReturn(number, line);
            // One character over the limit is kept: it may be the CR of a CRLF.
            if (line.length() > lineCharsMax) throw tooLong(number);
            line.append((char) c);
        }
    }

    private String withoutReturn(int number, StringBuilder line) throws RateSourceException {
        if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') line.setLength(line.length() - 1);
        if (line.length() > lineCharsMax) throw tooLong(number);
        return line.toString();
    }

    private RateSourceException tooLong(int number) {
        return new RateSourceException(number, "longer than " + lineCharsMax + " characters");
    }

    private int read() throws IOException {
        if (position == limit) {
            if (ended) return -1;
            limit = reader.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                ended = true;
                return -1;
            }
        }
        return buffer[position++];
    }
}
