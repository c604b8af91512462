package org.corridor.api;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.util.JavalinBindException;
import io.javalin.util.JavalinException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.corridor.api.json.ApiJsonMapper;
import org.corridor.api.json.StrictJson;
import org.corridor.core.Check;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Corridor's HTTP API server: Javalin 7 on Jetty 12, request handlers on virtual threads, strict JSON, one error
 * shape, and the limits of {@link ApiLimits}.
 *
 * <p>Built by hand: the caller passes the versioned route groups (which hold the services they call), the
 * server adds its own unversioned routes ({@code /health}, {@code /openapi.yaml}). Every response carries a
 * {@code Request-Id} header. Every error, from a handler or from the server itself, is
 * {@code {"error":{"type","code","message","param"}}}.
 *
 * <pre>{@code
 * try (ApiServer server = new ApiServer("127.0.0.1", 8080, V1Routes.all()).start()) { ... }
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** The path prefix of the current API version; every {@link RouteGroup} is mounted under it. */
    public static final String VERSION_PREFIX = "/v1";

    /** The request attribute holding when the request began, for its latency. */
    private static final String STARTED_AT = "corridor.startedAt";

    private final String host;
    private final int port;
    private final Javalin app;
    private final Map<Route, Access> access = new ConcurrentHashMap<>();

    /**
     * A server that will listen on {@code host:port} ({@code port} 0 picks a free one) and answer the given
     * route groups under {@link #VERSION_PREFIX}. Nothing listens until {@link #start()}.
     */
    public ApiServer(String host, int port, List<RouteGroup> versionedRoutes) {
        this(host, port, versionedRoutes, AccessPolicy.PUBLIC_ONLY);
    }

    /** As above, with {@code policy} guarding every versioned route according to its {@link Access}. */
    public ApiServer(String host, int port, List<RouteGroup> versionedRoutes, AccessPolicy policy) {
        this(host, port, versionedRoutes, policy, NodeProbe.NONE, List.of());
    }

    /**
     * As above, reporting on the node through {@code probe} at {@code /health} and {@code /metrics}, with
     * {@code pages} for people (the dashboard) served beside the API.
     */
    public ApiServer(String host, int port, List<RouteGroup> versionedRoutes, AccessPolicy policy, NodeProbe probe,
            List<PageGroup> pages) {
        Check.that(host != null && !host.isBlank(), "the API server needs a host to listen on");
        Check.that(port >= 0 && port <= 65_535, "a TCP port is 0 to 65535: " + port);
        this.host = host;
        this.port = port;
        JsonMapper jackson = StrictJson.newMapper();
        RequestIds requestIds = new RequestIds();
        this.app = Javalin.create(config -> configure(config, jackson, requestIds, versionedRoutes, policy, probe,
                pages));
    }

    private void configure(JavalinConfig config, JsonMapper jackson, RequestIds requestIds,
            List<RouteGroup> versionedRoutes, AccessPolicy policy, NodeProbe probe, List<PageGroup> pages) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.concurrency.useVirtualThreads = true;
        config.jsonMapper(new ApiJsonMapper(jackson));

        config.http.maxRequestSize = ApiLimits.REQUEST_BODY_BYTES_MAX;
        config.http.asyncTimeout = ApiLimits.ASYNC_HANDLER_TIMEOUT_MS;
        config.http.responseBufferSize = ApiLimits.RESPONSE_BUFFER_BYTES;
        config.http.defaultContentType = "application/json";
        config.http.prefer405over404 = true;
        config.http.generateEtags = false;
        config.http.strictContentTypes = false; // RequestBodyChecks answers 415 itself, in the error shape.
        config.http.compressionStrategy = CompressionStrategy.NONE;

        config.router.ignoreTrailingSlashes = false;
        config.router.treatMultipleSlashesAsSingleSlash = false;
        config.router.caseInsensitiveRoutes = false;

        config.jetty.threadPool = JettySetup.threadPool();
        config.jetty.modifyHttpConfiguration(JettySetup::configure);
        config.jetty.addConnector((server, http) -> JettySetup.connector(server, http, host, port));
        JsonErrorPages errorPages = new JsonErrorPages(jackson, requestIds);
        config.jetty.modifyServer(server -> JettySetup.configure(server, errorPages));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errorPages));

        config.routes.before(ctx -> {
            ctx.header(RequestIds.HEADER, requestIds.next());
            ctx.attribute(STARTED_AT, System.nanoTime());
        });
        config.routes.after(ctx -> RequestTiming.served(ctx, probe, STARTED_AT));
        config.routes.beforeMatched(RequestBodyChecks::check);
        ErrorMapping.install(config, jackson);

        ServerRoutes.addTo(config.routes, probe);
        Routes versioned = new Routes(config.routes, VERSION_PREFIX, policy, access);
        versionedRoutes.forEach(group -> group.addTo(versioned));
        Pages unversioned = new Pages(config.routes);
        pages.forEach(group -> group.addTo(unversioned));
    }

    /**
     * Starts listening; returns once the port is bound.
     *
     * @throws UncheckedIOException wrapping a {@link BindException} when the address cannot be bound
     */
    public ApiServer start() {
        try {
            app.start();
        } catch (JavalinBindException taken) {
            BindException cause = new BindException("cannot listen on " + host + ":" + port + ": "
                    + taken.getMessage());
            cause.initCause(taken);
            throw new UncheckedIOException(cause);
        }
        return this;
    }

    /** The port listened on while started: the one asked for, or the one picked when 0 was asked. */
    public int port() {
        return app.port();
    }

    /** Who may call each versioned route, as the route groups declared it. */
    public Map<Route, Access> routeAccess() {
        return Map.copyOf(access);
    }

    /** The host listened on. */
    public String host() {
        return host;
    }

    /** Every route the server answers, read from Javalin's router (not from a list kept beside it), sorted. */
    public List<Route> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> new Route(endpoint.method.name(), endpoint.path))
                .sorted()
                .toList();
    }

    /**
     * Stops accepting, lets requests in flight finish for up to {@link ApiLimits#SHUTDOWN_TIMEOUT_MS}, then
     * closes every connection. Safe to call more than once.
     */
    @Override
    public void close() {
        try {
            app.stop();
        } catch (JavalinException stopped) {
            if (!(stopped.getCause() instanceof TimeoutException)) throw stopped;
            // The wait for requests in flight ran out: the server is stopped all the same, and whoever stops it
            // (the node) must go on to close the writer and the store.
            LOG.warn("the API server did not stop gracefully within {} ms; stopped it anyway",
                    ApiLimits.SHUTDOWN_TIMEOUT_MS);
        }
    }
}
