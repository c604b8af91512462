package org.corridor.api;

/**
 * Every bound the API server applies, in one place and with its unit last. None is left to a library default:
 * a default is a limit nobody chose.
 */
public final class ApiLimits {
    private ApiLimits() {}

    /**
     * The largest request body accepted. A declared {@code Content-Length} above it is refused before a byte of
     * the body is read; a chunked body is refused as soon as it grows past it, before it is parsed.
     */
    public static final int REQUEST_BODY_BYTES_MAX = 64 * 1024;

    /** The deepest nesting of JSON objects and arrays accepted; the body's outermost object is level 1. */
    public static final int JSON_DEPTH_MAX = 16;

    /** The longest JSON object key accepted. */
    public static final int JSON_NAME_CHARS_MAX = 128;

    /**
     * The longest JSON number accepted, in characters. A {@code long} needs 20 at most (sign and 19 digits);
     * anything longer is not an amount or a count, only work for the number parser.
     */
    public static final int JSON_NUMBER_CHARS_MAX = 24;

    /** The longest JSON string accepted; the body limit bounds it already, this says so to the parser too. */
    public static final int JSON_STRING_CHARS_MAX = REQUEST_BODY_BYTES_MAX;

    /** The most JSON tokens in one body; a payment with its metadata has a few hundred. */
    public static final long JSON_TOKENS_MAX = 16_384;

    /** The request line and all request headers together. Beyond it Jetty answers 431 before routing. */
    public static final int REQUEST_HEADER_BYTES_MAX = 8 * 1024;

    /** The status line and all response headers together. */
    public static final int RESPONSE_HEADER_BYTES_MAX = 8 * 1024;

    /** The response bytes buffered before they are sent; a typical JSON answer fits, so it goes out in one write. */
    public static final int RESPONSE_BUFFER_BYTES = 32 * 1024;

    /** A connection that carries no bytes either way for this long is closed, kept-alive ones included. */
    public static final long CONNECTION_IDLE_TIMEOUT_MS = 30_000;

    /**
     * The longest a request may stall while its body is read or its response written. A client that stops
     * sending half-way through a body loses the request after this long.
     */
    public static final long REQUEST_IO_TIMEOUT_MS = 10_000;

    /**
     * A request body must arrive at least this fast on average, counted from when the handler starts reading
     * it; a body trickled in slower is cut off with 408.
     */
    public static final long REQUEST_BODY_BYTES_PER_SECOND_MIN = 1_024;

    /**
     * The longest an asynchronous handler ({@code ctx.future}) may take before the request fails. Handlers run
     * synchronously on virtual threads today; each outbound call they make carries its own timeout.
     */
    public static final long ASYNC_HANDLER_TIMEOUT_MS = 30_000;

    /** Open connections at most; past it the server stops accepting until one closes. */
    public static final int CONNECTIONS_MAX = 10_000;

    /** Connections the kernel may queue for accepting. */
    public static final int ACCEPT_QUEUE_CONNECTIONS_MAX = 1_024;

    /** Threads accepting new connections. */
    public static final int ACCEPTOR_THREADS = 1;

    /** Threads watching connections for readiness. */
    public static final int SELECTOR_THREADS = 2;

    /**
     * Request handlers running at once, each on its own virtual thread. Further requests wait (on a parked
     * virtual thread, not a platform thread) until one finishes. With at most one request in flight per HTTP/1.1
     * connection, {@link #CONNECTIONS_MAX} bounds the waiting ones.
     */
    public static final int HANDLERS_CONCURRENT_MAX = 1_024;

    /**
     * Platform threads for Jetty's own work (accepting, selecting, parsing); handlers never run on them. Their
     * task queue has no bound of its own, as Jetty requires (a refused internal task would strand its
     * connection): it holds a few tasks per connection at most, so {@link #CONNECTIONS_MAX} bounds it.
     */
    public static final int PLATFORM_THREADS_MAX = 32;

    /** Platform threads kept alive when idle. */
    public static final int PLATFORM_THREADS_MIN = 4;

    /** An idle platform thread above the minimum ends after this long. */
    public static final int PLATFORM_THREAD_IDLE_TIMEOUT_MS = 60_000;

    /** On stop, requests in flight get this long to finish before their connections are closed. */
    public static final long SHUTDOWN_TIMEOUT_MS = 10_000;

    /** The longest request path echoed back in an error message. */
    public static final int ERROR_PATH_ECHO_CHARS_MAX = 200;
}
