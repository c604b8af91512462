package org.corridor.app.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.corridor.app.node.RateSources;
import org.corridor.core.fx.QuoteRules;
import org.corridor.core.fx.RateBook;
import org.corridor.services.fx.LiveRates;
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

    @Option(names = "--rates", paramLabel = "FILE",
            description = "Exchange rates from a CSV file (header base,quote,rate,as_of), re-read every 10 seconds"
                    + " (default: none; cross-currency payments are refused with fx_rate_unavailable).")
    Path rateFile;

    @Option(names = "--rate-feed", paramLabel = "URL",
            description = "Exchange rates from an HTTP feed answering {\"rates\": [{\"base\", \"quote\", \"rate\","
                    + " \"as_of\"}]}, polled every 10 seconds.")
    URI rateFeed;

    @Option(names = "--fx-spread-bps", paramLabel = "BASIS_POINTS",
            description = "The house's spread on the mid rate in every quote, 0 to 1000 (default ${DEFAULT-VALUE}).")
    int spreadBasisPoints = LiveRates.SPREAD_BASIS_POINTS_DEFAULT;

    @Option(names = "--rate-max-age", paramLabel = "SECONDS",
            description = "How old a rate may be and still be quoted (default ${DEFAULT-VALUE}).")
    long rateMaxAgeSeconds = RateSources.MAX_AGE_DEFAULT.toSeconds();

    /** The longest interval between scheduled settlement rounds: one day. */
    static final long SETTLEMENT_CLOSE_EVERY_SECONDS_MAX = 86_400;

    @Option(names = "--settlement-close-every", paramLabel = "SECONDS",
            description = "Close and settle the settlement windows every SECONDS, 1 to 86400; 0 (the default) leaves "
                    + "closing and settling to the operator's API requests.")
    long settlementCloseEverySeconds;

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
        if (spreadBasisPoints < 0 || spreadBasisPoints > QuoteRules.SPREAD_BASIS_POINTS_MAX) {
            System.err.println("corridor serve: --fx-spread-bps must be 0 to " + QuoteRules.SPREAD_BASIS_POINTS_MAX);
            return 2;
        }
        if (rateMaxAgeSeconds < 1 || rateMaxAgeSeconds > RateBook.RATE_AGE_LIMIT_NANOS_MAX / 1_000_000_000L) {
            System.err.println("corridor serve: --rate-max-age must be 1 to 86400 seconds");
            return 2;
        }
        if (settlementCloseEverySeconds < 0 || settlementCloseEverySeconds > SETTLEMENT_CLOSE_EVERY_SECONDS_MAX) {
            System.err.println("corridor serve: --settlement-close-every must be 0 to " + SETTLEMENT_CLOSE_EVERY_SECONDS_MAX
                    + " seconds");
            return 2;
        }
        RateSources rates = new RateSources(rateFile, rateFeed, spreadBasisPoints, Duration.ofSeconds(rateMaxAgeSeconds),
                RateSources.POLL_INTERVAL_DEFAULT);
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
                    .withCardRails(vaultDirectory, issuerAddresses, IssuerLinkSettings.defaults()).withRates(rates)
                    .withSettlementCloseEvery(Duration.ofSeconds(settlementCloseEverySeconds)),
                    InstantSource.system());
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
