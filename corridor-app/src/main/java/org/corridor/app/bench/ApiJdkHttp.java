package org.corridor.app.bench;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link ApiHttp} over the JDK's {@link HttpClient} (HTTP/1.1, keep-alive): what a Java service calling the
 * API would use. One {@link HttpClient} is shared by every benchmark client; it keeps a pool of connections,
 * one per request in flight.
 */
final class ApiJdkHttp implements ApiHttp {
    private final HttpClient client;
    private final String base;
    private final Duration requestTimeout;

    ApiJdkHttp(HttpClient client, String host, int port, Duration requestTimeout) {
        this.client = client;
        this.base = "http://" + host + ":" + port;
        this.requestTimeout = requestTimeout;
    }

    /** The shared client: HTTP/1.1 only, no redirects, an explicit connect timeout. */
    static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public ApiReply post(String path, String bearer, String idempotencyKey, String json) throws IOException {
        return send(request(path, bearer)
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    @Override
    public ApiReply get(String path, String bearer) throws IOException {
        return send(request(path, bearer).GET().build());
    }

    private HttpRequest.Builder request(String path, String bearer) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json");
    }

    private ApiReply send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiReply(response.statusCode(), response.body());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + request.uri());
        }
    }

    /** The shared client keeps its connections; there is nothing of this client's own to drop. */
    @Override
    public void reset() {}

    @Override
    public void close() {}
}
