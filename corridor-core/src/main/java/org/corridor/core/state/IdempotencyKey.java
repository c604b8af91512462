package org.corridor.core.state;

/**
 * A request's {@code Idempotency-Key}, with whose key space it is in and what the request was.
 *
 * @param ownerId the calling participant
 * @param key the client's key
 * @param fingerprint a digest of the request (method, path, body)
 */
public record IdempotencyKey(String ownerId, String key, String fingerprint) {
    /** Longest key accepted, as Stripe's. */
    public static final int KEY_CHARS_MAX = 255;

    public String id() {
        return IdempotencyRecord.idOf(ownerId, key);
    }
}
