package org.corridor.gateway.issuer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.codec.iso8583.IsoFormatException;
import org.corridor.codec.iso8583.IsoMessages;
import org.corridor.codec.iso8583.LengthPrefixFraming;
import org.corridor.codec.iso8583.Mti;

/**
 * A small issuer for tests: a real TCP server on 127.0.0.1 and a random port that reads length-prefixed
 * ISO 8583 requests and hands each to the test's {@link Behaviour}.
 */
final class IsoResponder implements AutoCloseable {

    /** What the issuer does with each message it receives. */
    @FunctionalInterface
    interface Behaviour {
        void onMessage(CardMessage message, Peer peer) throws IOException;
    }

    private final IsoMessages codec = new IsoMessages();
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectionsAccepted = new AtomicInteger();
    private final Behaviour behaviour;

    IsoResponder(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        Thread.ofVirtual().name("iso-responder accept").start(this::acceptLoop);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    int connectionsAccepted() {
        return connectionsAccepted.get();
    }

    /** The approving answer to a request: same type class, STAN, terminal and amount, DE39 "00". */
    static CardMessage approval(CardMessage request) {
        return answer(request, "00");
    }

    static CardMessage answer(CardMessage request, String responseCode) {
        CardMessage.Builder answer = CardMessage.builder(request.mti().response()).responseCode(responseCode);
        if (request.stan() != null) answer.stan(request.stan());
        if (request.terminalId() != null) answer.terminalId(request.terminalId());
        if (request.amountMinor() != null) answer.amountMinor(request.amountMinor());
        if (request.networkManagementCode() != null) answer.networkManagementCode(request.networkManagementCode());
        if (request.mti() != Mti.NETWORK_MANAGEMENT_REQUEST) {
            answer.authorizationCode(String.format("A%05d", request.stan() % 100_000));
        }
        return answer.build();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException closed) {
                return;
            }
            connectionsAccepted.incrementAndGet();
            sockets.add(socket);
            Thread.ofVirtual().name("iso-responder connection").start(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            Peer peer = new Peer(socket, socket.getOutputStream());
            FrameReader frames = new FrameReader(socket.getInputStream());
            while (true) {
                CardMessage message = codec.decode(frames.next());
                behaviour.onMessage(message, peer);
            }
        } catch (IOException | IsoFormatException finished) {
            // The link closed the connection, or the test did: this connection is over.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) socket.close();
    }

    /** One accepted connection, seen from the issuer's side. */
    final class Peer {
        private final Socket socket;
        private final OutputStream output;

        private Peer(Socket socket, OutputStream output) {
            this.socket = socket;
            this.output = output;
        }

        void send(CardMessage message) throws IOException {
            sendFrame(codec.encode(message));
        }

        void sendFrame(byte[] body) throws IOException {
            sendRaw(LengthPrefixFraming.frame(body));
        }

        synchronized void sendRaw(byte[] bytes) throws IOException {
            output.write(bytes);
            output.flush();
        }

        void close() throws IOException {
            socket.close();
        }
    }
}
