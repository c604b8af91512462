package org.corridor.app.serve;

import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.corridor.api.ApiServer;
import org.corridor.api.v1.V1Routes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code corridor serve}: the HTTP API on {@code --host}:{@code --port} until Ctrl-C, then a graceful stop
 * (requests in flight finish first). The ledger is not wired in yet: the server answers its unversioned routes
 * and the error conventions.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the HTTP API until Ctrl-C: GET /health, GET /openapi.yaml, and /v1.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080",
            description = "TCP port to listen on, 0 for any free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            System.err.println("corridor serve: --port must be 0 to 65535");
            return 2;
        }
        ApiServer server = new ApiServer(host, port, V1Routes.all());
        try {
            server.start();
        } catch (UncheckedIOException cannotListen) {
            System.err.println("corridor serve: " + cannotListen.getCause().getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("corridor-serve-stop").unstarted(() -> {
            System.out.println("Stopping: letting requests in flight finish...");
            server.close();
            System.out.println("Corridor API stopped.");
            stopped.countDown();
        }));
        System.out.printf("Corridor API listening on http://%s:%d (GET /health, GET /openapi.yaml); Ctrl-C stops it.%n",
                hostForUrl(host), server.port());
        stopped.await();
        return 0;
    }

    /** An IPv6 literal goes in brackets in a URL. */
    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
