package org.corridor.codec.emv;

import java.io.Serial;

/**
 * Bytes that are not well-formed EMV BER-TLV within Corridor's bounds. Like any decoding failure of network
 * input this is an outcome the caller handles, not a programmer error. The message never quotes values,
 * which may include a cryptogram.
 */
public final class TlvFormatException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public TlvFormatException(String message) {
        super(message);
    }
}
