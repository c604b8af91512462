package org.corridor.sim.issuer;

/** A misbehaviour the simulator can be told to show in place of a normal reply. */
public enum Fault {
    /** The request is processed but never answered: the client's read times out. */
    NO_REPLY,
    /** The reply is sent after the simulator's slow-reply delay on top of the usual latency. */
    SLOW_REPLY,
    /** The same reply is sent twice. */
    DUPLICATE_REPLY,
    /** A well-framed body that is not an ISO 8583 message is sent in place of the reply. */
    GARBAGE_FRAME
}
