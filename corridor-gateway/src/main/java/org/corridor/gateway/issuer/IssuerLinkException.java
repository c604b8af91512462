package org.corridor.gateway.issuer;

import java.io.Serial;

/**
 * The link refused a request before writing any of it, so the issuer never saw it and nothing needs
 * reversing; or the link was closed while the request waited, in which case the outcome is unknown. The
 * {@link #reason()} says which.
 */
public final class IssuerLinkException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Why the request was refused, in the order {@link IssuerLink#send} checks. */
    public enum Reason {
        /** The link has been closed: either before the send, or while the request waited for its answer. */
        LINK_CLOSED,
        /** The link is not {@link LinkState#UP}; nothing was written. */
        LINK_NOT_UP,
        /** {@link IssuerLinkSettings#requestsInFlightMax()} requests already wait for answers. */
        REQUESTS_IN_FLIGHT_FULL,
        /** A request with the same message type class, STAN and terminal id still waits for its answer. */
        REQUEST_ALREADY_IN_FLIGHT
    }

    private final Reason reason;

    public IssuerLinkException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the request was refused. */
    public Reason reason() {
        return reason;
    }
}
