package org.corridor.app.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.corridor.api.auth.RateLimiter;
import org.corridor.app.IssuerAddresses;
import org.corridor.app.StoreOption;
import org.corridor.app.node.SwitchNode;
import org.corridor.gateway.issuer.IssuerLinkSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code corridor serve}: the switch and its HTTP API on {@code --host}:{@code --port} until Ctrl-C, then a
 * graceful stop (requests in flight finish first).
 *
 * <p>On the first start (no operator yet) it creates the operator and writes the operator's API key to
 * {@code --operator-key-file}, readable by the owner only; the key is never printed. {@code --new-operator-key}
 * issues another one (the file is overwritten) if it was lost.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the switch and serve the HTTP API (/v1, GET /health, GET /openapi.yaml) until Ctrl-C.")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--port", defaultValue = "8080",
            description = "TCP port to listen on, 0 for any free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
    String host;

    @Option(names = "--rate-limit", paramLabel = "REQUESTS_PER_SECOND",
            description = "Sustained requests per second per API key (default ${DEFAULT-VALUE}).")
    int rateLimit = RateLimiter.REQUESTS_PER_SECOND_DEFAULT;

    @Option(names = "--operator-key-file", paramLabel = "FILE", defaultValue = "data/operator-key",
            description = "Where a newly issued operator API key is written (default ${DEFAULT-VALUE}).")
    Path operatorKeyFile;

    @Option(names = "--new-operator-key", description = "Issue a new operator API key at start (if the old one was lost).")
    boolean newOperatorKey;

    @Option(names = "--issuer", paramLabel = "[NETWORK=]HOST:PORT",
            description = "Where ISO 8583 card requests go: HOST:PORT for every network (a network gateway or the issuer"
                    + " simulator), or visa=, mastercard=, unionpay=HOST:PORT for one; repeatable (default: none, card"
                    + " enrolments and payments are refused as issuer_unavailable).")
    List<String> issuers = List.of();

    @Option(names = "--vault-dir", paramLabel = "DIR", defaultValue = "data/vault",
            description = "Where the vault's keyset files live, created on first start (default ${DEFAULT-VALUE}).")
    Path vaultDirectory;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            System.err.println("corridor serve: --port must be 0 to 65535");
            return 2;
        }
        if (rateLimit < 1) {
            System.err.println("corridor serve: --rate-limit must be at least 1");
            return 2;
        }
        IssuerAddresses issuerAddresses;
        try {
            issuerAddresses = IssuerAddresses.parse(issuers);
        } catch (IllegalArgumentException wrong) {
            System.err.println("corridor serve: " + wrong.getMessage());
            return 2;
        }
        SwitchNode node;
        try {
            node = SwitchNode.start(new SwitchNode.Settings(store.url(), host, port, rateLimit, newOperatorKey)
                    .withCardRails(vaultDirectory, issuerAddresses, IssuerLinkSettings.defaults()), InstantSource.system());
        } catch (UncheckedIOException cannotListen) {
            System.err.println("corridor serve: " + cannotListen.getCause().getMessage());
            return 1;
        }
        if (node.operatorKey().isPresent()) {
            writeOperatorKey(node.operatorKey().get());
            System.out.println("Issued an operator API key; it is in " + operatorKeyFile
                    + " (readable by you only). Send it as 'Authorization: Bearer <key>'.");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("corridor-serve-stop").unstarted(() -> {
            System.out.println("Stopping: letting requests in flight finish...");
            node.close();
            System.out.println("Corridor stopped.");
            stopped.countDown();
        }));
        System.out.printf("Corridor (%s store) listening on http://%s:%d (/v1, GET /health, GET /openapi.yaml);"
                + " Ctrl-C stops it.%n", node.store().kind(), hostForUrl(host), node.api().port());
        stopped.await();
        return 0;
    }

    private void writeOperatorKey(String key) {
        try {
            Path parent = operatorKeyFile.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.deleteIfExists(operatorKeyFile);
            Files.createFile(operatorKeyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(operatorKeyFile, key + "\n");
        } catch (IOException | UnsupportedOperationException e) {
            throw new UncheckedIOException("cannot write the operator key to " + operatorKeyFile,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** An IPv6 literal goes in brackets in a URL. */
    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
