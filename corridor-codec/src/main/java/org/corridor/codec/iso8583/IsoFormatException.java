package org.corridor.codec.iso8583;

import java.io.Serial;

/**
 * Bytes that are not a well-formed Corridor ISO 8583 message or frame. Bytes come from the network, so this
 * is an expected outcome the caller must handle (answer with a format error or drop the link), not a
 * programmer error. The message never quotes the input bytes, which may hold a PAN.
 */
public final class IsoFormatException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public IsoFormatException(String message) {
        super(message);
    }
}
