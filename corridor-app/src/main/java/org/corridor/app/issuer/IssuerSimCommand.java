package org.corridor.app.issuer;

import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.corridor.sim.issuer.CardNetwork;
import org.corridor.sim.issuer.FaultControl;
import org.corridor.sim.issuer.IssuerSimulator;
import org.corridor.sim.issuer.IssuerSimulatorSettings;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.issuer.SimulatedBanks;
import org.corridor.sim.issuer.control.ControlServer;
import org.corridor.sim.issuer.control.FaultNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code corridor issuer-sim}: the issuer simulator on {@code --host}:{@code --port} until Ctrl-C, with faults,
 * banks down and a decline ratio from the start if asked, and the HTTP control interface on
 * {@code --control-port} if given. It prints the listening addresses and a few BINs per network to try; never
 * a whole card number.
 */
@Command(name = "issuer-sim", mixinStandardHelpOptions = true,
        description = "Run simulated issuing banks behind an ISO 8583 server (2-byte length-prefixed frames) until Ctrl-C.")
public final class IssuerSimCommand implements Callable<Integer> {
    /** How many example BINs are printed per network. */
    private static final int EXAMPLE_BINS_PER_NETWORK = 3;
    /**
     * How long the JDK HTTP server gives one control request to arrive, and its reply to leave, unless the
     * operator set {@code sun.net.httpserver.maxReqTime} or {@code maxRspTime}: otherwise it waits forever.
     */
    static final int CONTROL_EXCHANGE_TIMEOUT_SECONDS = 10;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on, for ISO 8583 and the control interface (default ${DEFAULT-VALUE}: this machine only).")
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

    @Option(names = "--control-port", paramLabel = "PORT",
            description = "Serve the HTTP control interface (bank directory, faults, banks down/up, decline ratios, "
                    + "totals) on this port, 0 for any free one; off unless given.")
    Integer controlPort;

    @Option(names = "--fault", paramLabel = "KIND[:PER_MILLE][@BANK]", converter = FaultOption.Converter.class,
            description = "Show a fault from the start: no_reply, slow_reply, duplicate_reply or garbage_frame, on "
                    + "PER_MILLE requests in a thousand (default every request), of BANK only if given. Repeatable.")
    List<FaultOption> faults = new ArrayList<>();

    @Option(names = "--decline-per-mille", paramLabel = "N",
            description = "Make every bank decline N requests in a thousand with \"05\" (0 to 1000), in place of "
                    + "the seeded ratios.")
    Integer declinePerMille;

    @Option(names = "--down", paramLabel = "BANK",
            description = "Start with BANK (such as bank-007) down: its requests are answered \"91\". Repeatable.")
    List<String> down = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        Optional<String> invalid = invalidOption();
        if (invalid.isPresent()) return usageError(invalid.get());
        Running running;
        try {
            running = start();
        } catch (CannotListen failure) {
            System.err.println("corridor issuer-sim: " + failure.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("corridor-issuer-sim-stop").unstarted(() -> {
            running.close();
            System.out.println("Issuer simulator stopped.");
            stopped.countDown();
        }));
        printStarted(running);
        stopped.await();
        return 0;
    }

    /** The first option out of bounds or naming no bank, in the order the options are listed. */
    Optional<String> invalidOption() {
        if (port < 0 || port > 65_535) return Optional.of("--port must be 0 to 65535");
        if (banks < 1 || banks > SimulatedBanks.BANKS_MAX) {
            return Optional.of("--banks must be 1 to " + SimulatedBanks.BANKS_MAX);
        }
        if (latencyMs < 0 || latencyMs > IssuerSimulatorSettings.DELAY_MS_MAX) {
            return Optional.of("--latency-ms must be 0 to " + IssuerSimulatorSettings.DELAY_MS_MAX);
        }
        if (controlPort != null && (controlPort < 0 || controlPort > 65_535)) {
            return Optional.of("--control-port must be 0 to 65535");
        }
        if (faults.size() > FaultControl.RULES_MAX) return Optional.of("at most " + FaultControl.RULES_MAX + " --fault");
        if (declinePerMille != null && (declinePerMille < 0 || declinePerMille > SimulatedBank.DECLINE_PER_MILLE_MAX)) {
            return Optional.of("--decline-per-mille must be 0 to " + SimulatedBank.DECLINE_PER_MILLE_MAX);
        }
        // The bank ids are checked against the banks the seed gives before anything listens, so that a typo is
        // a usage error rather than a simulator that started and then stopped.
        SimulatedBanks directory = SimulatedBanks.generate(seed, banks);
        String range = "; the banks are " + directory.all().getFirst().id() + " to " + directory.all().getLast().id();
        for (FaultOption fault : faults) {
            if (fault.bankId() != null && directory.byId(fault.bankId()).isEmpty()) {
                return Optional.of("--fault: no bank " + fault.bankId() + range);
            }
        }
        for (String bankId : down) {
            if (directory.byId(bankId).isEmpty()) return Optional.of("--down: no bank " + bankId + range);
        }
        return Optional.empty();
    }

    /** The simulator and, if asked for, its control interface, running until closed. */
    record Running(IssuerSimulator simulator, ControlServer control) implements AutoCloseable {
        @Override
        public void close() {
            if (control != null) control.close();
            simulator.close();
        }
    }

    /** A port that could not be bound. */
    static final class CannotListen extends Exception {
        CannotListen(String message) {
            super(message);
        }
    }

    /** Starts the simulator with the start-up faults and bank states applied, then the control interface. */
    Running start() throws CannotListen {
        IssuerSimulator simulator;
        try {
            simulator = IssuerSimulator.start(
                    new IssuerSimulatorSettings(host, port, seed, banks, latencyMs, 0, 2_000), InstantSource.system());
        } catch (IOException cannotListen) {
            throw new CannotListen("cannot listen on " + host + ":" + port + ": " + cannotListen.getMessage());
        }
        if (declinePerMille != null) {
            for (SimulatedBank bank : simulator.banks().all()) simulator.banks().setDeclinePerMille(bank.id(), declinePerMille);
        }
        for (String bankId : down) simulator.banks().markDown(bankId, true);
        for (FaultOption fault : faults) simulator.faults().ratio(fault.fault(), fault.bankId(), fault.perMille());
        if (controlPort == null) return new Running(simulator, null);
        boundControlExchanges();
        try {
            return new Running(simulator, ControlServer.start(simulator, host, controlPort));
        } catch (IOException cannotListen) {
            simulator.close();
            throw new CannotListen("cannot serve the control interface on " + host + ":" + controlPort + ": "
                    + cannotListen.getMessage());
        }
    }

    /**
     * Bounds how long the JDK HTTP server waits on one exchange. These are JVM-wide properties read when the
     * server class first loads, so they are set here, in the command that owns the process, and only when the
     * operator has not chosen otherwise.
     */
    private static void boundControlExchanges() {
        for (String property : List.of("sun.net.httpserver.maxReqTime", "sun.net.httpserver.maxRspTime")) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, Integer.toString(CONTROL_EXCHANGE_TIMEOUT_SECONDS));
            }
        }
    }

    private void printStarted(Running running) {
        System.out.printf("Issuer simulator: %d banks (seed %d) listening on %s:%d; Ctrl-C stops it.%n",
                banks, seed, host, running.simulator().address().getPort());
        for (CardNetwork network : CardNetwork.values()) {
            System.out.println("  " + network + ": " + exampleBins(running.simulator().banks(), network));
        }
        if (declinePerMille != null) System.out.println("  Every bank declines " + declinePerMille + " per mille.");
        if (!down.isEmpty()) System.out.println("  Down: " + String.join(", ", down));
        for (FaultOption fault : faults) {
            System.out.printf("  Fault %s on %d per mille of %s%n", FaultNames.of(fault.fault()), fault.perMille(),
                    fault.bankId() == null ? "every request" : fault.bankId());
        }
        if (running.control() != null) {
            System.out.printf("Control interface on http://%s:%d: GET /banks, /banks/{id}/activity, /totals, /faults; "
                    + "POST /faults, /banks/{id}/down|up|decline_per_mille; DELETE /faults.%n",
                    host, running.control().address().getPort());
        }
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
