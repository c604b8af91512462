package org.corridor.gateway.fx;

import java.io.Serial;

/**
 * A rate source that could not be read or whose content breaks a rule. The message names the rule (and, for a
 * file, starts with the line number); it never quotes the content or the source's URL.
 */
public final class RateSourceException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    /** A problem with the source as a whole. */
    public RateSourceException(String problem) {
        super(problem);
        this.lineNumber = 0;
    }

    /** A problem on one line of a file. */
    public RateSourceException(int lineNumber, String problem) {
        super("line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    /** The 1-based number of the line at fault, or 0 when the problem is not on one line. */
    public int lineNumber() {
        return lineNumber;
    }
}
