package org.corridor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing the server stops new connections at once and lets a request in flight finish. */
@Timeout(60)
class GracefulStopTest {
    private static final int CONNECT_ATTEMPTS_MAX = 500;
    private static final long CONNECT_RETRY_MS = 20;

    @Test
    void aRequestInFlightFinishesWhileTheServerStops() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RouteGroup blocking = routes -> routes.get("/test/blocking", Access.PUBLIC, ctx -> {
            entered.countDown();
            release.await();
            ctx.json(new ServerRoutes.Health("ok", java.util.Map.of()));
        });
        ApiServer server = new ApiServer("127.0.0.1", 0, List.of(blocking)).start();
        ApiClient client = new ApiClient(server);
        int port = server.port();

        CompletableFuture<HttpResponse<String>> inFlight =
                CompletableFuture.supplyAsync(() -> client.get("/v1/test/blocking"));
        assertThat(entered.await(ApiClient.CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);

        awaitConnectionsRefused(server.host(), port);
        assertThat(inFlight).isNotDone();
        release.countDown();

        HttpResponse<String> response = inFlight.get(ApiClient.CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\",\"checks\":{}}");
        stopping.get(ApiClient.CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Waits (by events, not by a fixed delay) until the stopping server no longer accepts connections. */
    private static void awaitConnectionsRefused(String host, int port) throws InterruptedException {
        for (int attempt = 0; attempt < CONNECT_ATTEMPTS_MAX; attempt++) {
            try {
                new Socket(host, port).close();
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                // Not refused yet: try again.
            }
            Thread.sleep(CONNECT_RETRY_MS);
        }
        throw new AssertionError("the server still accepts connections while stopping");
    }
}
