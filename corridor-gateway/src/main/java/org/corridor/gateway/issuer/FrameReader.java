package org.corridor.gateway.issuer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.corridor.codec.iso8583.IsoFormatException;
import org.corridor.codec.iso8583.LengthPrefixFraming;

/**
 * Reads length-prefixed frames from one connection's input stream. The buffer holds at most one whole
 * frame, so a peer cannot make it grow; an impossible length prefix is an {@link IsoFormatException}, after
 * which the stream cannot be trusted and the connection must be closed. Used by one thread only.
 */
final class FrameReader {
    private final InputStream input;
    private final ByteBuffer buffer =
            ByteBuffer.allocate(LengthPrefixFraming.PREFIX_BYTES + LengthPrefixFraming.FRAME_BODY_BYTES_MAX);

    FrameReader(InputStream input) {
        this.input = input;
    }

    /**
     * The next frame's body, blocking until it has arrived whole.
     *
     * @throws EOFException when the peer closed the connection
     * @throws IsoFormatException when the length prefix is zero or over the cap
     */
    byte[] next() throws IOException, IsoFormatException {
        while (true) {
            buffer.flip();
            Optional<byte[]> frame;
            try {
                frame = LengthPrefixFraming.nextFrame(buffer);
            } finally {
                buffer.compact();
            }
            if (frame.isPresent()) return frame.get();
            int read = input.read(buffer.array(), buffer.position(), buffer.remaining());
            if (read < 0) throw new EOFException("the issuer closed the connection");
            buffer.position(buffer.position() + read);
        }
    }
}
