package org.corridor.api;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Request ids: {@code req_} and 32 hex digits (128 random bits), made by the server for every request and sent
 * in the {@code Request-Id} response header, errors included.
 *
 * <p>The server always makes its own and ignores any a client sends. The id is the key into Corridor's logs
 * and support conversations, so it must be unique and well-formed whoever calls; a client-chosen one could
 * repeat or collide with another client's. A client that wants its own correlation keeps its own id and, for
 * a POST, has its {@code Idempotency-Key}. Random (not a counter) so that ids stay unique across restarts and
 * across nodes without coordination.
 */
final class RequestIds {
    /** The response header carrying the id. */
    static final String HEADER = "Request-Id";

    private static final String PREFIX = "req_";
    private static final int RANDOM_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random = new SecureRandom();

    /** A new id. Thread-safe. */
    String next() {
        byte[] bits = new byte[RANDOM_BYTES];
        random.nextBytes(bits);
        return PREFIX + HEX.formatHex(bits);
    }
}
