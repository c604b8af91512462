package org.corridor.gateway.issuer;

import org.corridor.core.Check;

/**
 * The timeouts and bounds of one {@link IssuerLink}. Production uses {@link #defaults()}; tests shorten the
 * times so that a timeout or a missed echo happens in milliseconds.
 *
 * @param connectTimeoutMs how long one TCP connection attempt may take
 * @param responseTimeoutMs how long a request waits for its answer before it fails with
 *     {@link IssuerTimeoutException}
 * @param echoIntervalMs how long the connection may stay silent before an echo test is sent
 * @param echoResponseTimeoutMs how long an echo test waits for its answer before the link is marked down
 * @param reconnectBackoffInitialMs the pause before reconnecting after a drop or a failed attempt
 * @param reconnectBackoffMaxMs the longest pause: the pause doubles after each failed attempt up to this
 * @param requestsInFlightMax how many requests may wait for answers at once, 1 to
 *     {@link IssuerLink#REQUESTS_IN_FLIGHT_MAX}
 */
public record IssuerLinkSettings(
        long connectTimeoutMs,
        long responseTimeoutMs,
        long echoIntervalMs,
        long echoResponseTimeoutMs,
        long reconnectBackoffInitialMs,
        long reconnectBackoffMaxMs,
        int requestsInFlightMax) {

    public IssuerLinkSettings {
        Check.that(connectTimeoutMs > 0 && connectTimeoutMs <= Integer.MAX_VALUE, "connect timeout out of range");
        Check.that(responseTimeoutMs > 0, "response timeout must be positive");
        Check.that(echoIntervalMs > 0, "echo interval must be positive");
        Check.that(echoResponseTimeoutMs > 0, "echo response timeout must be positive");
        Check.that(reconnectBackoffInitialMs > 0, "reconnect back-off must be positive");
        Check.that(reconnectBackoffMaxMs >= reconnectBackoffInitialMs, "back-off maximum below its start");
        Check.that(requestsInFlightMax >= 1 && requestsInFlightMax <= IssuerLink.REQUESTS_IN_FLIGHT_MAX,
                "requests in flight must be 1 to " + IssuerLink.REQUESTS_IN_FLIGHT_MAX);
    }

    /** The production settings, from the constants on {@link IssuerLink}. */
    public static IssuerLinkSettings defaults() {
        return new IssuerLinkSettings(
                IssuerLink.CONNECT_TIMEOUT_MS,
                IssuerLink.RESPONSE_TIMEOUT_MS,
                IssuerLink.ECHO_INTERVAL_MS,
                IssuerLink.ECHO_RESPONSE_TIMEOUT_MS,
                IssuerLink.RECONNECT_BACKOFF_INITIAL_MS,
                IssuerLink.RECONNECT_BACKOFF_MAX_MS,
                IssuerLink.REQUESTS_IN_FLIGHT_MAX);
    }
}
