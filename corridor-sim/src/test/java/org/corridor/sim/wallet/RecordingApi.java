package org.corridor.sim.wallet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The test double for the switch: a real HTTP server on a free loopback port that records every request and answers
 * each with the next scripted reply (or holds it until released, to make a client time out).
 */
final class RecordingApi implements AutoCloseable {
    /** One request as the server saw it. */
    record Request(String method, String path, String authorization, String idempotencyKey, String contentType,
            String body) {
        JsonNode json() {
            return body.isEmpty() ? MissingNode.getInstance() : JsonMapper.shared().readTree(body);
        }
    }

    /** One scripted answer: a status and a body; {@code hold} makes the server wait for {@link #release()} first. */
    record Reply(int status, String body, boolean hold) {
        static Reply of(int status, String body) {
            return new Reply(status, body, false);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Reply> script = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    RecordingApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues the answer to the next request. */
    RecordingApi then(int status, String body) {
        script.add(Reply.of(status, body));
        return this;
    }

    /** Queues an answer that waits for {@link #release()}. */
    RecordingApi thenHold(int status, String body) {
        script.add(new Reply(status, body, true));
        return this;
    }

    void release() {
        released.countDown();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    Request only() {
        org.assertj.core.api.Assertions.assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            Reply reply = script.isEmpty() ? Reply.of(500, "{\"error\":{\"type\":\"api_error\",\"code\":\"unscripted\"}}")
                    : script.removeFirst();
            if (reply.hold()) {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        handlers.shutdownNow();
    }
}
