package org.corridor.api;

import static org.corridor.api.ApiLimits.ACCEPTOR_THREADS;
import static org.corridor.api.ApiLimits.ACCEPT_QUEUE_CONNECTIONS_MAX;
import static org.corridor.api.ApiLimits.CONNECTIONS_MAX;
import static org.corridor.api.ApiLimits.CONNECTION_IDLE_TIMEOUT_MS;
import static org.corridor.api.ApiLimits.HANDLERS_CONCURRENT_MAX;
import static org.corridor.api.ApiLimits.PLATFORM_THREADS_MAX;
import static org.corridor.api.ApiLimits.PLATFORM_THREADS_MIN;
import static org.corridor.api.ApiLimits.PLATFORM_THREAD_IDLE_TIMEOUT_MS;
import static org.corridor.api.ApiLimits.REQUEST_BODY_BYTES_PER_SECOND_MIN;
import static org.corridor.api.ApiLimits.REQUEST_HEADER_BYTES_MAX;
import static org.corridor.api.ApiLimits.REQUEST_IO_TIMEOUT_MS;
import static org.corridor.api.ApiLimits.RESPONSE_BUFFER_BYTES;
import static org.corridor.api.ApiLimits.RESPONSE_HEADER_BYTES_MAX;
import static org.corridor.api.ApiLimits.SHUTDOWN_TIMEOUT_MS;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/** The Jetty underneath Javalin, with every limit of {@link ApiLimits} applied. */
final class JettySetup {
    private static final long RESPONSE_RATE_UNCHECKED = 0;

    private JettySetup() {}

    /**
     * Platform threads for Jetty's own work (accepting, selecting, parsing), and request handlers on virtual
     * threads, at most {@link ApiLimits#HANDLERS_CONCURRENT_MAX} at once. A blocking handler (a database commit,
     * an issuer round trip) then parks a virtual thread, never a platform one.
     */
    static QueuedThreadPool threadPool() {
        QueuedThreadPool platform = new QueuedThreadPool(PLATFORM_THREADS_MAX, PLATFORM_THREADS_MIN,
                PLATFORM_THREAD_IDLE_TIMEOUT_MS);
        platform.setName("corridor-api");
        VirtualThreadPool handlers = new VirtualThreadPool(HANDLERS_CONCURRENT_MAX);
        handlers.setName("corridor-api-handler");
        platform.setVirtualThreadsExecutor(handlers);
        platform.addBean(handlers); // started and stopped with the pool
        return platform;
    }

    /** Header limits, I/O timeouts and strict parsing for every request. */
    static void configure(HttpConfiguration http) {
        http.setRequestHeaderSize(REQUEST_HEADER_BYTES_MAX);
        http.setResponseHeaderSize(RESPONSE_HEADER_BYTES_MAX);
        http.setOutputBufferSize(RESPONSE_BUFFER_BYTES);
        http.setIdleTimeout(REQUEST_IO_TIMEOUT_MS);
        http.setHttpCompliance(HttpCompliance.RFC9110);
        // Ambiguous paths (encoded slashes or dots, empty segments) are refused, not interpreted.
        http.setUriCompliance(UriCompliance.DEFAULT);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(true);
    }

    /** One HTTP/1.1 connector on {@code host:port} (0 picks a free port). */
    static ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        ServerConnector connector = new ServerConnector(server, ACCEPTOR_THREADS, ApiLimits.SELECTOR_THREADS,
                new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(CONNECTION_IDLE_TIMEOUT_MS);
        connector.setAcceptQueueSize(ACCEPT_QUEUE_CONNECTIONS_MAX);
        return connector;
    }

    /**
     * A connection cap, a minimum body rate, graceful stop, and JSON error pages for what Jetty answers itself.
     * The response write rate is not checked: answers are small and buffered, a check on one short final write
     * would fail on a pause of milliseconds, and {@link ApiLimits#REQUEST_IO_TIMEOUT_MS} bounds a stalled write.
     */
    static void configure(Server server, JsonErrorPages errorPages) {
        server.addBean(new NetworkConnectionLimit(CONNECTIONS_MAX, server));
        server.insertHandler(new MinimumDataRateHandler(REQUEST_BODY_BYTES_PER_SECOND_MIN, RESPONSE_RATE_UNCHECKED));
        server.insertHandler(new GracefulHandler()); // outermost, so that it sees every request in flight
        server.setStopTimeout(SHUTDOWN_TIMEOUT_MS);
        server.setErrorHandler(errorPages);
    }
}
