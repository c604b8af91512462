package org.corridor.sim.issuer;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.codec.iso8583.IsoFormatException;
import org.corridor.codec.iso8583.IsoMessages;
import org.corridor.codec.iso8583.LengthPrefixFraming;

/** A plain blocking ISO 8583 client for the tests: one socket, length-prefixed frames, the codec. */
final class IsoTestClient implements AutoCloseable {
    private final IsoMessages codec = new IsoMessages();
    private final Socket socket;
    private final DataInputStream input;
    private final OutputStream output;

    IsoTestClient(InetSocketAddress address, int readTimeoutMs) throws IOException {
        socket = new Socket();
        socket.connect(address, 5_000);
        socket.setSoTimeout(readTimeoutMs);
        input = new DataInputStream(socket.getInputStream());
        output = socket.getOutputStream();
    }

    void send(CardMessage request) throws IOException {
        sendFrame(codec.encode(request));
    }

    void sendFrame(byte[] body) throws IOException {
        output.write(LengthPrefixFraming.frame(body));
        output.flush();
    }

    /** The next frame's body, undecoded. */
    byte[] readFrame() throws IOException {
        int length = input.readUnsignedShort();
        byte[] body = new byte[length];
        input.readFully(body);
        return body;
    }

    CardMessage read() throws IOException, IsoFormatException {
        return codec.decode(readFrame());
    }

    CardMessage exchange(CardMessage request) throws IOException, IsoFormatException {
        send(request);
        return read();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
