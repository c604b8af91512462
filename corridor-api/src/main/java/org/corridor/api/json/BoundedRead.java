package org.corridor.api.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;
import org.corridor.api.error.ApiException;

/**
 * Reads a request body whole, refusing it with 413 as soon as it passes the limit (before anything parses it),
 * and with 408 when it arrives too slowly.
 */
final class BoundedRead {
    private static final int CHUNK_BYTES = 8 * 1024;

    private BoundedRead() {}

    static byte[] readAll(InputStream body, int bytesMax) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(Math.min(bytesMax, CHUNK_BYTES));
        byte[] chunk = new byte[CHUNK_BYTES];
        try {
            int read;
            while ((read = body.read(chunk)) != -1) {
                if (content.size() + read > bytesMax) {
                    throw ApiException.contentTooLarge("The request body is larger than " + bytesMax + " bytes.");
                }
                content.write(chunk, 0, read);
            }
        } catch (IOException failed) {
            if (causedByTimeout(failed)) {
                throw ApiException.requestTimeout();
            }
            throw new UncheckedIOException(failed);
        }
        return content.toByteArray();
    }

    /** Jetty fails a read that is too slow or stalled with a {@link TimeoutException} underneath. */
    private static boolean causedByTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
