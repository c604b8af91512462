package org.corridor.app.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;

/**
 * Opens the benchmark's HTTP connections to one server, all of one kind: {@code socket} (a plain HTTP/1.1
 * client over a socket per benchmark client, the default: it costs the shared CPU least) or {@code jdk} (the
 * JDK's {@link HttpClient}, one shared client with its own connection pool).
 */
final class ApiConnections implements AutoCloseable {
    /** The longest wait for a TCP connection to the server. */
    static final long CONNECT_TIMEOUT_MS = 5_000;
    /** The longest wait for one whole answer; the server's own wait for a durable commit is 30 s. */
    static final long REQUEST_TIMEOUT_MS = 10_000;

    enum Kind { SOCKET, JDK }

    private final Kind kind;
    private final String host;
    private final int port;
    private final HttpClient jdkClient;

    private ApiConnections(Kind kind, String host, int port) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.jdkClient = kind == Kind.JDK ? ApiJdkHttp.newClient(Duration.ofMillis(CONNECT_TIMEOUT_MS)) : null;
    }

    static ApiConnections to(String kind, String host, int port) {
        Kind parsed = switch (kind.toLowerCase(Locale.ROOT)) {
            case "socket" -> Kind.SOCKET;
            case "jdk" -> Kind.JDK;
            default -> throw new IllegalArgumentException("--http is socket or jdk, not " + kind);
        };
        return new ApiConnections(parsed, host, port);
    }

    /** A connection for one client; it opens lazily, on its first request. */
    ApiHttp open() {
        Duration requestTimeout = Duration.ofMillis(REQUEST_TIMEOUT_MS);
        return switch (kind) {
            case SOCKET -> new ApiSocketHttp(host, port, Duration.ofMillis(CONNECT_TIMEOUT_MS), requestTimeout);
            case JDK -> new ApiJdkHttp(jdkClient, host, port, requestTimeout);
        };
    }

    String kindName() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        if (jdkClient != null) jdkClient.close();
    }
}
