package org.corridor.app.issuer;

import java.io.IOException;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.corridor.sim.issuer.CardNetwork;
import org.corridor.sim.issuer.IssuerSimulator;
import org.corridor.sim.issuer.IssuerSimulatorSettings;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.issuer.SimulatedBanks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code corridor issuer-sim}: the issuer simulator on {@code --host}:{@code --port} until Ctrl-C. It prints
 * the listening address and a few BINs per network to try; never a whole card number.
 */
@Command(name = "issuer-sim", mixinStandardHelpOptions = true,
        description = "Run simulated issuing banks behind an ISO 8583 server (2-byte length-prefixed frames) until Ctrl-C.")
public final class IssuerSimCommand implements Callable<Integer> {
    /** How many example BINs are printed per network. */
    private static final int EXAMPLE_BINS_PER_NETWORK = 3;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
    String host;

    @Option(names = "--port", defaultValue = "8583",
            description = "TCP port to listen on, 0 for any free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--banks", defaultValue = "" + SimulatedBanks.BANKS_DEFAULT,
            description = "How many banks to simulate (default ${DEFAULT-VALUE}).")
    int banks;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the banks, balances, declines and latency jitter (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--latency-ms", defaultValue = "0",
            description = "Delay before every reply, in milliseconds (default ${DEFAULT-VALUE}).")
    long latencyMs;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) return usageError("--port must be 0 to 65535");
        if (banks < 1 || banks > SimulatedBanks.BANKS_MAX) {
            return usageError("--banks must be 1 to " + SimulatedBanks.BANKS_MAX);
        }
        if (latencyMs < 0 || latencyMs > IssuerSimulatorSettings.DELAY_MS_MAX) {
            return usageError("--latency-ms must be 0 to " + IssuerSimulatorSettings.DELAY_MS_MAX);
        }
        IssuerSimulator simulator;
        try {
            simulator = IssuerSimulator.start(
                    new IssuerSimulatorSettings(host, port, seed, banks, latencyMs, 0, 2_000), InstantSource.system());
        } catch (IOException cannotListen) {
            System.err.println("corridor issuer-sim: cannot listen on " + host + ":" + port + ": " + cannotListen.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("corridor-issuer-sim-stop").unstarted(() -> {
            simulator.close();
            System.out.println("Issuer simulator stopped.");
            stopped.countDown();
        }));
        System.out.printf("Issuer simulator: %d banks (seed %d) listening on %s:%d; Ctrl-C stops it.%n",
                banks, seed, host, simulator.address().getPort());
        for (CardNetwork network : CardNetwork.values()) {
            System.out.println("  " + network + ": " + exampleBins(simulator.banks(), network));
        }
        stopped.await();
        return 0;
    }

    private static String exampleBins(SimulatedBanks banks, CardNetwork network) {
        StringBuilder examples = new StringBuilder();
        int shown = 0;
        for (SimulatedBank bank : banks.all()) {
            if (bank.network() != network || shown == EXAMPLE_BINS_PER_NETWORK) continue;
            if (shown > 0) examples.append(", ");
            examples.append(bank.bins().getFirst()).append(" (").append(bank.name()).append(", ")
                    .append(bank.currency().getCurrencyCode()).append(')');
            shown++;
        }
        return shown == 0 ? "none" : examples.toString();
    }

    private static int usageError(String message) {
        System.err.println("corridor issuer-sim: " + message);
        return 2;
    }
}
