package org.corridor.core.state;

/**
 * The first reply to a request that carried an {@code Idempotency-Key}, kept so a retry gets it again.
 *
 * @param ownerId the participant whose key space the key is in
 * @param key the client's key, up to 255 characters
 * @param fingerprint a digest of the request (method, path, body): the same key with another request is refused
 * @param reply the first reply
 * @param createdAt nanoseconds since the epoch; the record is kept at least {@link SwitchState#IDEMPOTENCY_RETENTION_NANOS}
 */
public record IdempotencyRecord(String ownerId, String key, String fingerprint, Reply reply, long createdAt) {

    /** The record's id: keys are scoped to their owner. */
    public static String idOf(String ownerId, String key) {
        return ownerId + " " + key;
    }

    public String id() {
        return idOf(ownerId, key);
    }
}
