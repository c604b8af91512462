package org.corridor.dashboard;

/**
 * What every page shows around its content.
 *
 * @param requestId the server's id of this request, as in its {@code Request-Id} header
 * @param section the navigation entry to mark as current
 */
public record Frame(String requestId, String section) {}
