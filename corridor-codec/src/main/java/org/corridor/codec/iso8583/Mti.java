package org.corridor.codec.iso8583;

import java.util.Optional;

/** The ISO 8583:1987 message type indicators Corridor sends and accepts. */
public enum Mti {
    AUTHORIZATION_REQUEST(0x0100),
    AUTHORIZATION_RESPONSE(0x0110),
    PURCHASE_REQUEST(0x0200),
    PURCHASE_RESPONSE(0x0210),
    REVERSAL_REQUEST(0x0400),
    REVERSAL_RESPONSE(0x0410),
    NETWORK_MANAGEMENT_REQUEST(0x0800),
    NETWORK_MANAGEMENT_RESPONSE(0x0810);

    private final int code;

    Mti(int code) {
        this.code = code;
    }

    /** The MTI as j8583 holds it: the four decimal digits read as hexadecimal (0x0200 for "0200"). */
    public int code() {
        return code;
    }

    /** The four digits as they appear on the wire, such as {@code "0200"}. */
    public String digits() {
        return String.format("%04x", code);
    }

    /** Whether this is a request (function digit 0) rather than a response (function digit 1). */
    public boolean isRequest() {
        return (code & 0x00F0) == 0;
    }

    /** The response to this request, or this type itself when it already is a response. */
    public Mti response() {
        return isRequest() ? of(code + 0x10).orElseThrow() : this;
    }

    /** The message type for a j8583 code, if Corridor speaks it. */
    public static Optional<Mti> of(int code) {
        for (Mti mti : values()) {
            if (mti.code == code) return Optional.of(mti);
        }
        return Optional.empty();
    }
}
