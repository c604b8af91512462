/**
 * Links to issuing banks and card networks over ISO 8583: {@link org.corridor.gateway.issuer.IssuerLink} keeps
 * one TCP connection up (echo tests, reconnection with back-off), carries many requests at once and pairs
 * each response with its request by message type class, STAN and terminal id. A request that gets no answer
 * in time fails with {@link org.corridor.gateway.issuer.IssuerTimeoutException}; reversing it is the
 * caller's job, as is choosing STANs that are unique among the requests in flight.
 *
 * <p>This package depends on the JDK, {@code corridor-core} (for {@code Check}) and {@code corridor-codec}
 * (messages and framing). It reads the monotonic clock to measure idleness and timeouts; the wall clock,
 * used only for the echo's transmission time, is handed in.
 */
package org.corridor.gateway.issuer;
