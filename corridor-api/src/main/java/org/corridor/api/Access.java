package org.corridor.api;

/** Who may call a route. Every route declares one, so the route table itself says what is protected. */
public enum Access {
    /** Anyone, without a key (health, the contract). */
    PUBLIC,
    /** Any participant with a valid API key; what it sees is scoped to what it owns. */
    PARTICIPANT,
    /** The operator's keys only; any other participant gets 403. */
    OPERATOR
}
