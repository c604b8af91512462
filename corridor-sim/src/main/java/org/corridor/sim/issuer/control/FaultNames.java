package org.corridor.sim.issuer.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.corridor.sim.issuer.Fault;

/**
 * The names faults go by outside Java ({@code no_reply}, {@code slow_reply}, {@code duplicate_reply},
 * {@code garbage_frame}), shared by the control interface and the command line so both read the same words.
 */
public final class FaultNames {
    private FaultNames() {}

    /** The outside name of {@code fault}. */
    public static String of(Fault fault) {
        return fault.name().toLowerCase(Locale.ROOT);
    }

    /** The fault called {@code name} exactly, if any. */
    public static Optional<Fault> parse(String name) {
        for (Fault fault : Fault.values()) {
            if (of(fault).equals(name)) return Optional.of(fault);
        }
        return Optional.empty();
    }

    /** Every name, for messages: {@code no_reply, slow_reply, ...}. */
    public static String choices() {
        return Arrays.stream(Fault.values()).map(FaultNames::of).collect(Collectors.joining(", "));
    }
}
