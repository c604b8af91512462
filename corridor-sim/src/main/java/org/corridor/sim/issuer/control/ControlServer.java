package org.corridor.sim.issuer.control;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.corridor.sim.issuer.IssuerSimulator;

/**
 * The HTTP control interface of a running {@link IssuerSimulator}, on its own port.
 *
 * <p>A few handler threads and a bounded queue serve it: it is an operator's and a test's interface, not a
 * traffic path. When the queue is full the JDK server's dispatcher thread runs the exchange itself, which
 * stops it accepting more until then: back-pressure instead of an unbounded backlog or dropped connections.
 * The JDK server bounds request headers itself; its request and response timeouts are JVM-wide system
 * properties ({@code sun.net.httpserver.maxReqTime}, {@code maxRspTime}), which the command line sets.
 */
public final class ControlServer implements AutoCloseable {
    /** The largest request body accepted; the requests are small JSON objects. */
    public static final int REQUEST_BODY_BYTES_MAX = 4 * 1024;
    /** The threads answering control requests. */
    public static final int HANDLER_THREADS_MAX = 4;
    /** The control requests waiting for a thread before the dispatcher answers them itself. */
    public static final int QUEUED_REQUESTS_MAX = 64;
    /** The pending-connection backlog of the listening socket. */
    public static final int ACCEPT_BACKLOG = 64;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    private ControlServer(HttpServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code host}:{@code port} (0 for any free port) and starts answering for {@code simulator}.
     *
     * @throws IOException when the address cannot be bound
     */
    public static ControlServer start(IssuerSimulator simulator, String host, int port) throws IOException {
        Objects.requireNonNull(simulator, "simulator");
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), ACCEPT_BACKLOG);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(HANDLER_THREADS_MAX, HANDLER_THREADS_MAX,
                0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED_REQUESTS_MAX),
                Thread.ofPlatform().daemon().name("issuer-sim control ", 0).factory(),
                new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        server.createContext("/", new ControlRoutes(simulator));
        server.start();
        return new ControlServer(server, executor);
    }

    /** The address the control interface listens on (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops listening at once and ends the handler threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
