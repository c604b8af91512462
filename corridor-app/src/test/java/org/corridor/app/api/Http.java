package org.corridor.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP to a test node, as any client would talk to Corridor: JSON bodies, a bearer key, headers. */
final class Http {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    /** Sees every reply (the PAN canary test reads them all). */
    private volatile Consumer<Reply> observer = reply -> {};

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response with its body parsed (null when it is not JSON). */
    record Reply(int status, String body, JsonNode json, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String text(String field) {
            return json.get(field).asString();
        }

        long number(String field) {
            return json.get(field).asLong();
        }

        String errorCode() {
            return json.path("error").path("code").asString();
        }

        String errorType() {
            return json.path("error").path("type").asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    void observe(Consumer<Reply> replies) {
        this.observer = replies;
    }

    Reply get(String key, String path) {
        return send(key, "GET", path, null, List.of());
    }

    Reply post(String key, String path, Object body, String... headers) {
        return send(key, "POST", path, body == null ? null : json(body), List.of(headers));
    }

    Reply delete(String key, String path) {
        return send(key, "DELETE", path, null, List.of());
    }

    Reply send(String key, String method, String path, String body, List<String> headers) {
        List<String> all = new ArrayList<>(headers);
        if (key != null) {
            all.add("Authorization");
            all.add("Bearer " + key);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        for (int i = 0; i < all.size(); i += 2) request.header(all.get(i), all.get(i + 1));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                // Left null: the test asserting on it will say what the body was.
            }
            Reply reply = new Reply(response.statusCode(), response.body(), json, response);
            observer.accept(reply);
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }
}
