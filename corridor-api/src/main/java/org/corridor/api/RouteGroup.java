package org.corridor.api;

/**
 * The routes of one resource family (payment intents, participants, ...), contributed to the server when it is
 * built. A group receives the services it calls through its own constructor; the server receives the groups
 * through its constructor: nothing is found by scanning.
 */
@FunctionalInterface
public interface RouteGroup {
    /** Adds this group's routes; their paths are relative to the API version ({@code /payment_intents}). */
    void addTo(Routes routes);
}
