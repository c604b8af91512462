package org.corridor.app.bench;

import java.io.IOException;

/**
 * One API client's HTTP/1.1 connection to the server under test: one request at a time, kept alive between
 * requests. Every POST carries an {@code Idempotency-Key}, as a real client's does, so that a request whose
 * answer was lost may be sent again and get the original answer.
 */
interface ApiHttp extends AutoCloseable {
    /** Sends a JSON POST and waits for the whole answer; throws when no answer came in time. */
    ApiReply post(String path, String bearer, String idempotencyKey, String json) throws IOException;

    /** Sends a GET and waits for the whole answer. */
    ApiReply get(String path, String bearer) throws IOException;

    /** Drops the connection; the next request opens a new one. */
    void reset();

    @Override
    void close();
}
