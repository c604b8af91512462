package org.corridor.sim.issuer;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.corridor.codec.card.Luhn;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.codec.iso8583.IsoFormatException;
import org.corridor.codec.iso8583.IsoMessages;
import org.corridor.codec.iso8583.LengthPrefixFraming;

/**
 * The issuer simulator as a process: a TCP server that reads length-prefixed ISO 8583 requests and answers
 * them through a {@link SimulatedIssuer}, after a seeded latency and with the faults asked for through
 * {@link #faults()}.
 *
 * <p>Each connection gets a virtual thread that reads frames, and each request its own virtual thread, so
 * one slow reply does not hold up the others on a shared link (answers may overtake each other, as on a
 * real network; clients match by type class, STAN and terminal). A frame whose prefix is out of bounds ends
 * the connection, because the stream cannot be resynchronised; a well-framed body that does not decode is
 * counted and skipped.
 */
public final class IssuerSimulator implements AutoCloseable {
    /** The most connections served at once; more are closed on arrival. */
    public static final int CONNECTIONS_MAX = 256;
    /** The most requests of one connection being answered at once; the reader waits beyond it. */
    public static final int REQUESTS_IN_FLIGHT_PER_CONNECTION_MAX = 512;
    /** How long a connection may stay silent before it is closed. */
    public static final int CONNECTION_IDLE_MS_MAX = 600_000;
    /** The pending-connection backlog of the listening socket. */
    public static final int ACCEPT_BACKLOG = 128;

    private static final byte[] GARBAGE = "9999 not an ISO 8583 message".getBytes(StandardCharsets.US_ASCII);

    private final IssuerSimulatorSettings settings;
    private final SimulatedBanks banks;
    private final BankActivity activity = new BankActivity();
    private final SimulatedIssuer issuer;
    private final FaultControl faults;
    private final IsoMessages codec = new IsoMessages();
    private final SplittableRandom latencyRandom;
    private final ServerSocket server;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong undecodableFrames = new AtomicLong();
    private final AtomicLong requestsAnswered = new AtomicLong();

    private IssuerSimulator(IssuerSimulatorSettings settings, InstantSource clock, ServerSocket server) {
        this.settings = settings;
        this.banks = SimulatedBanks.generate(settings.seed(), settings.banks());
        this.issuer = new SimulatedIssuer(banks, activity, clock);
        this.faults = new FaultControl(settings.seed());
        this.latencyRandom = new SplittableRandom(settings.seed() ^ 0x1A7E1C7L);
        this.server = server;
    }

    /**
     * Generates the banks, binds the port and starts accepting connections.
     *
     * @param clock decides which cards have expired
     * @throws IOException when the address cannot be bound
     */
    public static IssuerSimulator start(IssuerSimulatorSettings settings, InstantSource clock) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(settings.host(), settings.port()), ACCEPT_BACKLOG);
        } catch (IOException cannotBind) {
            server.close();
            throw cannotBind;
        }
        IssuerSimulator simulator = new IssuerSimulator(settings, clock, server);
        Thread.ofVirtual().name("issuer-sim accept").start(simulator::acceptLoop);
        return simulator;
    }

    /** The address the simulator listens on (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** The simulated banks and their accounts; changes (a bank down, a decline ratio) apply at once. */
    public SimulatedBanks banks() {
        return banks;
    }

    /** What each bank saw. */
    public BankActivity activity() {
        return activity;
    }

    /** The faults to show on demand. */
    public FaultControl faults() {
        return faults;
    }

    /** The settings the simulator was started with. */
    public IssuerSimulatorSettings settings() {
        return settings;
    }

    /** How many well-framed bodies failed to decode. */
    public long undecodableFrames() {
        return undecodableFrames.get();
    }

    /** How many requests were answered (or deliberately left unanswered). */
    public long requestsAnswered() {
        return requestsAnswered.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException closed) {
                return;
            }
            if (connections.size() >= CONNECTIONS_MAX) {
                closeQuietly(socket);
                continue;
            }
            connections.add(socket);
            Thread.ofVirtual().name("issuer-sim connection").start(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        Semaphore inFlight = new Semaphore(REQUESTS_IN_FLIGHT_PER_CONNECTION_MAX);
        try (socket) {
            socket.setSoTimeout(CONNECTION_IDLE_MS_MAX);
            socket.setTcpNoDelay(true);
            DataInputStream input = new DataInputStream(socket.getInputStream());
            OutputStream output = socket.getOutputStream();
            while (true) {
                byte[] body = readFrame(input);
                CardMessage request;
                try {
                    request = codec.decode(body);
                } catch (IsoFormatException undecodable) {
                    undecodableFrames.incrementAndGet();
                    continue;
                }
                if (!request.mti().isRequest()) {
                    undecodableFrames.incrementAndGet();
                    continue;
                }
                inFlight.acquire();
                Thread.ofVirtual().name("issuer-sim request").start(() -> {
                    try {
                        reply(request, output);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } catch (IOException | IsoFormatException | InterruptedException finished) {
            // The peer closed, went silent too long, or sent a frame the stream cannot recover from.
        } finally {
            connections.remove(socket);
        }
    }

    private static byte[] readFrame(DataInputStream input) throws IOException, IsoFormatException {
        int length;
        try {
            length = input.readUnsignedShort();
        } catch (SocketTimeoutException idle) {
            throw new EOFException("idle");
        }
        if (length == 0 || length > LengthPrefixFraming.FRAME_BODY_BYTES_MAX) {
            throw new IsoFormatException("frame length must be 1 to " + LengthPrefixFraming.FRAME_BODY_BYTES_MAX);
        }
        byte[] body = new byte[length];
        input.readFully(body);
        return body;
    }

    private void reply(CardMessage request, OutputStream output) {
        Optional<Fault> fault = faults.draw(bankIdOf(request));
        CardMessage answer = issuer.answer(request);
        requestsAnswered.incrementAndGet();
        try {
            long delayMs = latencyMs() + (fault.orElse(null) == Fault.SLOW_REPLY ? settings.slowReplyMs() : 0);
            if (delayMs > 0) Thread.sleep(delayMs);
            byte[] frame = LengthPrefixFraming.frame(codec.encode(answer));
            switch (fault.orElse(null)) {
                case NO_REPLY -> { }
                case DUPLICATE_REPLY -> {
                    write(output, frame);
                    write(output, frame);
                }
                case GARBAGE_FRAME -> write(output, LengthPrefixFraming.frame(GARBAGE));
                case null, default -> write(output, frame);
            }
        } catch (IOException | InterruptedException connectionGone) {
            // The reply has nowhere to go; the client will time out and reverse, as it would with a real issuer.
        }
    }

    private String bankIdOf(CardMessage request) {
        if (request.pan() == null || !Luhn.isValidPan(request.pan())) return null;
        return banks.issuerOf(request.pan()).map(SimulatedBank::id).orElse(null);
    }

    private long latencyMs() {
        long jitterMs = settings.latencyJitterMs();
        if (jitterMs == 0) return settings.latencyFixedMs();
        synchronized (latencyRandom) {
            return settings.latencyFixedMs() + latencyRandom.nextLong(jitterMs + 1);
        }
    }

    private static void write(OutputStream output, byte[] frame) throws IOException {
        synchronized (output) {
            output.write(frame);
            output.flush();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a connection we are refusing: nothing more to do.
        }
    }

    /** Stops accepting and closes every connection; replies still sleeping find their socket gone. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing the listener: nothing more to do.
        }
        for (Socket socket : connections) closeQuietly(socket);
    }
}
