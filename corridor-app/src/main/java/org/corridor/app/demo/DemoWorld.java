package org.corridor.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.corridor.app.node.RateSources;
import org.corridor.core.EpochNanos;
import org.corridor.app.node.SwitchNode;
import org.corridor.gateway.fx.RateFile;
import org.corridor.gateway.issuer.IssuerLinkSettings;
import org.corridor.sim.issuer.IssuerSimulator;
import org.corridor.sim.issuer.IssuerSimulatorSettings;
import org.corridor.sim.issuer.SimulatedBanks;

/**
 * What the demo runs in its own process: the issuer simulator with its banks, and a Corridor node whose card rails
 * lead to it, with exchange rates from a file written at start. {@link #close()} stops the node, then the simulator.
 */
final class DemoWorld implements AutoCloseable {
    /** Mid rates of the demo's currency pairs, as of the start. */
    static final List<String> RATES = List.of("USD,CNY,7.1234", "EUR,USD,1.0843", "EUR,CNY,7.7238");
    /** Each API key's sustained rate: far above what the demo sends, so that only the switch's work limits it. */
    static final int REQUESTS_PER_SECOND_PER_KEY = 100_000;
    /** The simulator's delay before it answers: the issuing bank's own processing time. */
    static final long ISSUER_LATENCY_MS = 2;
    /** The simulator's extra delay on a slow reply. */
    static final long SLOW_REPLY_MS = 2_000;

    private final IssuerSimulator simulator;
    private final SwitchNode node;
    private final long startedAtNanos;
    private final String storeUrl;
    private final String operatorKey;
    private final Path operatorKeyFile;

    private DemoWorld(long startedAtNanos, IssuerSimulator simulator, SwitchNode node, String storeUrl,
            String operatorKey, Path operatorKeyFile) {
        this.startedAtNanos = startedAtNanos;
        this.simulator = simulator;
        this.storeUrl = storeUrl;
        this.node = node;
        this.operatorKey = operatorKey;
        this.operatorKeyFile = operatorKeyFile;
    }

    /**
     * Starts the simulator (seeded by {@code seed}) and a node on {@code storeUrl} listening on {@code port}, keeping
     * the vault's keys, the rate file and the operator key under {@code folder}.
     *
     * @throws IOException if the simulator cannot listen
     * @throws UncheckedIOException if the node cannot listen on {@code port}
     */
    static DemoWorld start(String storeUrl, int port, Path folder, Path vaultDirectory, long seed) throws IOException {
        Files.createDirectories(folder);
        long startedAtNanos = EpochNanos.of(Instant.now());
        IssuerSimulator simulator = IssuerSimulator.start(new IssuerSimulatorSettings("127.0.0.1", 0, seed,
                SimulatedBanks.BANKS_DEFAULT, ISSUER_LATENCY_MS, 0, SLOW_REPLY_MS), InstantSource.system());
        try {
            // A new operator key on every start: a reused store (PostgreSQL) keeps the operator of an earlier run.
            SwitchNode node = SwitchNode.start(new SwitchNode.Settings(storeUrl, "127.0.0.1", port,
                    REQUESTS_PER_SECOND_PER_KEY, true)
                    .withCardRails(vaultDirectory, simulator.address(), IssuerLinkSettings.defaults())
                    .withRates(RateSources.ofFile(writeRates(folder))), InstantSource.system());
            Path keyFile = folder.resolve("operator-key");
            String operatorKey = node.operatorKey().orElseThrow();
            try {
                writeSecret(keyFile, operatorKey);
            } catch (RuntimeException | IOException failed) {
                node.close();
                throw failed;
            }
            return new DemoWorld(startedAtNanos, simulator, node, storeUrl, operatorKey, keyFile);
        } catch (RuntimeException | IOException failed) {
            simulator.close();
            throw failed;
        }
    }

    private static Path writeRates(Path folder) throws IOException {
        StringBuilder csv = new StringBuilder(RateFile.HEADER).append('\n');
        Instant now = Instant.now();
        for (String rate : RATES) csv.append(rate).append(',').append(now).append('\n');
        return Files.writeString(folder.resolve("rates.csv"), csv);
    }

    /** Writes {@code secret} to a file only its owner can read. */
    private static void writeSecret(Path file, String secret) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n");
    }

    IssuerSimulator simulator() {
        return simulator;
    }

    /** When this world started, in epoch nanoseconds: what was stored before belongs to earlier runs. */
    long startedAtNanos() {
        return startedAtNanos;
    }

    String storeUrl() {
        return storeUrl;
    }

    SwitchNode node() {
        return node;
    }

    /** The operator's API key: never printed, only its file is named. */
    String operatorKey() {
        return operatorKey;
    }

    Path operatorKeyFile() {
        return operatorKeyFile;
    }

    /** Stops the node (requests in flight finish), then the simulator. */
    @Override
    public void close() {
        try {
            node.close();
        } finally {
            simulator.close();
        }
    }
}
