package org.corridor.gateway.issuer;

import java.io.Serial;

/**
 * No answer came for a request within the link's response timeout. The issuer may still have acted on the
 * request, so the outcome is unknown and the caller must reverse it (an 0400 repeated until acknowledged).
 * The message names the message type, STAN and terminal id only, never card data.
 */
public final class IssuerTimeoutException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public IssuerTimeoutException(String message) {
        super(message);
    }
}
