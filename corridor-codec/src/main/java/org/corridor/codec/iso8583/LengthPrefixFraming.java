package org.corridor.codec.iso8583;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Length-prefixed framing for ISO 8583 over a byte stream: each message is preceded by its length as two
 * bytes, big-endian, not counting the prefix itself. Only framing lives here; reading and writing sockets
 * belongs to the gateway.
 */
public final class LengthPrefixFraming {
    /** Bytes in the length prefix. */
    public static final int PREFIX_BYTES = 2;
    /** The largest message body a frame may carry; far below the 65,535 the prefix could express. */
    public static final int FRAME_BODY_BYTES_MAX = IsoMessages.MESSAGE_BYTES_MAX;

    private LengthPrefixFraming() {}

    /** The message with its two-byte length prefix in front. */
    public static byte[] frame(byte[] message) {
        if (message.length == 0 || message.length > FRAME_BODY_BYTES_MAX) {
            throw new IllegalArgumentException(
                    "message must have 1 to " + FRAME_BODY_BYTES_MAX + " bytes, has " + message.length);
        }
        byte[] framed = new byte[PREFIX_BYTES + message.length];
        framed[0] = (byte) (message.length >>> 8);
        framed[1] = (byte) message.length;
        System.arraycopy(message, 0, framed, PREFIX_BYTES, message.length);
        return framed;
    }

    /**
     * Takes the next whole frame's body from {@code buffer} (in read mode), advancing its position past the
     * frame. When the buffer holds only part of a frame, returns empty and leaves the position where it was,
     * so the caller can read more bytes and try again.
     *
     * @throws IsoFormatException when the prefix announces an empty or oversized body; the stream cannot be
     *     resynchronised after that and the link should be closed
     */
    public static Optional<byte[]> nextFrame(ByteBuffer buffer) throws IsoFormatException {
        if (buffer.remaining() < PREFIX_BYTES) return Optional.empty();
        int start = buffer.position();
        int length = ((buffer.get(start) & 0xFF) << 8) | (buffer.get(start + 1) & 0xFF);
        if (length == 0 || length > FRAME_BODY_BYTES_MAX) {
            throw new IsoFormatException(
                    "frame length must be 1 to " + FRAME_BODY_BYTES_MAX + " bytes, prefix says " + length);
        }
        if (buffer.remaining() < PREFIX_BYTES + length) return Optional.empty();
        byte[] body = new byte[length];
        buffer.position(start + PREFIX_BYTES);
        buffer.get(body);
        return Optional.of(body);
    }
}
