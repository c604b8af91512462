package org.corridor.sim.issuer;

import java.util.Objects;
import org.corridor.core.Check;

/**
 * How an {@link IssuerSimulator} is set up.
 *
 * @param host the address to listen on
 * @param port the TCP port, 0 for any free one
 * @param seed the seed of the banks, balances, decline rule, latency jitter and fault ratios
 * @param banks how many banks to generate
 * @param latencyFixedMs the delay before every reply
 * @param latencyJitterMs up to this much more delay, drawn from the seed per reply
 * @param slowReplyMs the extra delay of a {@link Fault#SLOW_REPLY}
 */
public record IssuerSimulatorSettings(
        String host, int port, long seed, int banks, long latencyFixedMs, long latencyJitterMs, long slowReplyMs) {

    /** The longest delay any setting may ask for. */
    public static final long DELAY_MS_MAX = 600_000;

    public IssuerSimulatorSettings {
        Objects.requireNonNull(host, "host");
        Check.that(port >= 0 && port <= 65_535, "port is 0 to 65535");
        Check.that(banks >= 1 && banks <= SimulatedBanks.BANKS_MAX, "banks is 1 to " + SimulatedBanks.BANKS_MAX);
        for (long delayMs : new long[] {latencyFixedMs, latencyJitterMs, slowReplyMs}) {
            Check.that(delayMs >= 0 && delayMs <= DELAY_MS_MAX, "a delay is 0 to " + DELAY_MS_MAX + " ms");
        }
    }

    /** Loopback, any free port, the default number of banks, no latency, slow replies 2 seconds late. */
    public static IssuerSimulatorSettings forTests(long seed) {
        return new IssuerSimulatorSettings("127.0.0.1", 0, seed, SimulatedBanks.BANKS_DEFAULT, 0, 0, 2_000);
    }

    /** The same settings with another latency. */
    public IssuerSimulatorSettings withLatency(long fixedMs, long jitterMs) {
        return new IssuerSimulatorSettings(host, port, seed, banks, fixedMs, jitterMs, slowReplyMs);
    }
}
