package org.corridor.api;

/**
 * Pages for people, served beside the versioned API on the same server (the operator's dashboard). A group guards
 * its own pages: the server's {@link AccessPolicy} is for API keys in headers, not for a browser's session.
 */
@FunctionalInterface
public interface PageGroup {
    /** Adds this group's pages; their paths are absolute and outside {@link ApiServer#VERSION_PREFIX}. */
    void addTo(Pages pages);
}
