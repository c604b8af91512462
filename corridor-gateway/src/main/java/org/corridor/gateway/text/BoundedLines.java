package org.corridor.gateway.text;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a reader into lines ended by LF or CRLF, refusing a line longer than a limit as soon as the limit is
 * passed, so a file without line breaks is never read into memory whole.
 */
public final class BoundedLines {
    /** A line longer than the limit; the reader's caller reports it with the line's number, never its text. */
    public static final class LineTooLong extends Exception {
        private static final long serialVersionUID = 1L;

        LineTooLong(int lineCharsMax) {
            super("longer than " + lineCharsMax + " characters");
        }
    }

    private static final int BUFFER_CHARS = 8192;

    private final Reader reader;
    private final int lineCharsMax;
    private final char[] buffer = new char[BUFFER_CHARS];
    private int position;
    private int limit;
    private boolean ended;

    public BoundedLines(Reader reader, int lineCharsMax) {
        this.reader = reader;
        this.lineCharsMax = lineCharsMax;
    }

    /** The next line without its break, or null at the end. */
    public String next() throws IOException, LineTooLong {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = read();
            if (c == -1) return line.isEmpty() ? null : withoutReturn(line);
            if (c == '\n') return withoutReturn(line);
            // One character over the limit is kept: it may be the CR of a CRLF.
            if (line.length() > lineCharsMax) throw new LineTooLong(lineCharsMax);
            line.append((char) c);
        }
    }

    private String withoutReturn(StringBuilder line) throws LineTooLong {
        if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') line.setLength(line.length() - 1);
        if (line.length() > lineCharsMax) throw new LineTooLong(lineCharsMax);
        return line.toString();
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
