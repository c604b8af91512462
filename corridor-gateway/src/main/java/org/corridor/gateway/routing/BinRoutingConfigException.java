package org.corridor.gateway.routing;

import java.io.Serial;

/**
 * A routing config that cannot be loaded. The message starts with the line number and names the rule the
 * line breaks; it never quotes the line, which might hold a PAN pasted by mistake.
 */
public final class BinRoutingConfigException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    public BinRoutingConfigException(int lineNumber, String problem) {
        super("line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    /** The 1-based number of the line at fault. */
    public int lineNumber() {
        return lineNumber;
    }
}
