package org.corridor.sim.wallet;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON over HTTP/1.1 to the Corridor API with the JDK client: a bearer key on every call, an idempotency key on every
 * POST, an explicit connect timeout, a deadline on each whole exchange (headers and body) and a bound on the body.
 * Thread-safe. It never logs: request bodies may hold a card number.
 */
public final class ApiTransport {
    /** How long opening a connection may take when not told otherwise. */
    public static final long CONNECT_TIMEOUT_MS_DEFAULT = 2_000;
    /** How long one request may take, reply body included, when not told otherwise. */
    public static final long REQUEST_TIMEOUT_MS_DEFAULT = 10_000;
    /** The largest reply body read; the API's biggest answers (lists) are far smaller. */
    public static final int RESPONSE_BODY_BYTES_MAX = 1 << 20;

    private final HttpClient client;
    private final URI base;
    private final Duration requestTimeout;
    private final IdempotencyKeys idempotencyKeys;

    private ApiTransport(HttpClient client, URI base, Duration requestTimeout, IdempotencyKeys idempotencyKeys) {
        this.client = client;
        this.base = base;
        this.requestTimeout = requestTimeout;
        this.idempotencyKeys = idempotencyKeys;
    }

    /**
     * A transport to the API at {@code base} (such as {@code http://127.0.0.1:8080}).
     *
     * @throws IllegalArgumentException if {@code base} is not an http or https URL or a timeout is not positive
     */
    public static ApiTransport create(URI base, Duration connectTimeout, Duration requestTimeout,
            IdempotencyKeys idempotencyKeys) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("the API address must be an http or https URL");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
        String trimmed = base.toString().replaceAll("/+$", "");
        return new ApiTransport(client, URI.create(trimmed), requestTimeout, idempotencyKeys);
    }

    /**
     * POSTs {@code body} to {@code path} (starting with {@code /}).
     *
     * @throws IOException if the API cannot be reached, does not answer within the request timeout, or sends a body
     *     over {@value #RESPONSE_BODY_BYTES_MAX} bytes
     */
    public ApiReply post(String path, String bearer, ObjectNode body) throws IOException {
        Objects.requireNonNull(bearer, "bearer");
        byte[] json = JsonMapper.shared().writeValueAsBytes(body);
        return send(request(path, bearer)
                .header("Idempotency-Key", idempotencyKeys.next())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build());
    }

    /**
     * GETs {@code path}; throws as {@link #post} does. A null {@code bearer} sends no {@code Authorization} header,
     * for the simulators' own control interfaces, which take none.
     */
    public ApiReply get(String path, String bearer) throws IOException {
        return send(request(path, bearer).GET().build());
    }

    private HttpRequest.Builder request(String path, String bearer) {
        if (!path.startsWith("/")) throw new IllegalArgumentException("a path starts with /");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        if (bearer != null) builder.header("Authorization", "Bearer " + bearer);
        return builder;
    }

    private ApiReply send(HttpRequest request) throws IOException {
        // HttpRequest.timeout covers the wait for the headers only; the deadline on the future covers the body too.
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, BoundedBody.handler(RESPONSE_BODY_BYTES_MAX));
        try {
            HttpResponse<byte[]> response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return ApiReply.of(response.statusCode(), response.body());
        } catch (TimeoutException late) {
            exchange.cancel(true);
            throw timedOut(request);
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + request.uri().getPath());
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            // The client's own timer may fire before the deadline above; either way the message names the call.
            if (cause instanceof HttpTimeoutException) throw timedOut(request);
            if (cause instanceof IOException io) throw io;
            throw new IOException(request.method() + " " + request.uri().getPath() + " failed: " + cause, cause);
        }
    }

    private HttpTimeoutException timedOut(HttpRequest request) {
        return new HttpTimeoutException(request.method() + " " + request.uri().getPath() + " took more than "
                + requestTimeout.toMillis() + " ms");
    }

    /** The API's address, for messages. */
    public URI base() {
        return base;
    }

    @Override
    public String toString() {
        return "ApiTransport[" + base + ", timeout " + requestTimeout.toMillis() + " ms]";
    }
}
