package org.corridor.gateway.fx;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a random loopback port for the feed tests. Its handler is swappable; a handler that
 * stalls waits on {@link #release}, which {@link #close} counts down, so no test leaves a thread behind.
 */
final class FeedServer implements AutoCloseable {
    /** What the server does with one exchange. */
    interface Handler {
        void handle(HttpExchange exchange, FeedServer server) throws IOException, InterruptedException;
    }

    static final String GOOD_BODY = "{\"rates\":[" + RateFeedFormatTest.entry("USD", "CNY", "7.1") + ","
            + RateFeedFormatTest.entry("USD", "JPY", "151.25") + "]}";

    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;
    private volatile Handler handler;

    FeedServer(Handler handler) throws IOException {
        this.handler = handler;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                this.handler.handle(exchange, this);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (IOException clientGone) {
                // The client gave up (timeout, oversized body): nothing to answer.
            }
        });
        server.start();
    }

    void handler(Handler next) {
        this.handler = next;
    }

    /** The feed URL, with an access token in it that no error may repeat. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rates?token=SECRET-TOKEN");
    }

    static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static void json(HttpExchange exchange, String body) throws IOException {
        answer(exchange, 200, "application/json; charset=utf-8", body);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
