/**
 * BIN routing for the card rails: the leading digits of a PAN pick the card network
 * ({@link org.corridor.gateway.routing.CardNetwork}) and, by the longest matching configured prefix, the
 * issuer link that carries the authorization ({@link org.corridor.gateway.routing.BinRoutingTable}).
 *
 * <p>A PAN passes through this package as digits only and is never kept, logged or echoed in a message: a
 * failure names the rule that was broken (and, for a config file, the line), not the value that broke it.
 *
 * <p>This package depends on the JDK and {@code corridor-core} (for {@code Check}) only. It does no I/O of
 * its own: a routing config is read from a {@link java.io.Reader} the caller opens and closes.
 */
package org.corridor.gateway.routing;
