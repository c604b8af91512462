package org.corridor.core.state;

/**
 * A reply as the API sends it: the HTTP status and the object (or {@link StoredError}) it shows. Kept in an
 * idempotency record, it is rendered again byte for byte on a retry, because the object is kept as it
 * stood when the first reply was made.
 *
 * @param status the HTTP status
 * @param bodyKind what {@code body} is: an object kind, or {@link RecordKind#ERROR}
 * @param body the object, or a {@link StoredError}
 */
public record Reply(int status, RecordKind bodyKind, Object body) {
    public static Reply of(int status, RecordKind kind, Object body) {
        return new Reply(status, kind, body);
    }

    public static Reply error(StoredError error) {
        return new Reply(error.status(), RecordKind.ERROR, error);
    }
}
