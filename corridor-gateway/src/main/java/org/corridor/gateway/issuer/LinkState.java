package org.corridor.gateway.issuer;

/** Where an {@link IssuerLink}'s connection stands, for routing decisions and metrics. */
public enum LinkState {
    /** No connection: not started yet, closed, or waiting out the back-off before the next attempt. */
    DOWN,
    /** A TCP connection attempt is under way. */
    CONNECTING,
    /** Connected; requests may be sent. */
    UP
}
