package org.corridor.app;

import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corridor.gateway.routing.CardNetwork;

/**
 * Where card requests go, from {@code --issuer} options: {@code HOST:PORT} for every network (a network gateway or the
 * issuer simulator), or {@code NETWORK=HOST:PORT} for one of {@code visa}, {@code mastercard}, {@code unionpay}. The
 * card's BIN picks the network and the network its link; the issuer itself is the one whose BIN prefix is longest.
 *
 * @param shared the link of networks not named, or null
 * @param byNetwork the links of networks named
 */
public record IssuerAddresses(InetSocketAddress shared, Map<CardNetwork, InetSocketAddress> byNetwork) {
    public IssuerAddresses {
        byNetwork = Map.copyOf(byNetwork);
    }

    public static IssuerAddresses none() {
        return new IssuerAddresses(null, Map.of());
    }

    public boolean isEmpty() {
        return shared == null && byNetwork.isEmpty();
    }

    /** The addresses given, or an exception whose message names the option that is wrong. */
    public static IssuerAddresses parse(List<String> options) {
        InetSocketAddress shared = null;
        Map<CardNetwork, InetSocketAddress> byNetwork = new EnumMap<>(CardNetwork.class);
        for (String option : options) {
            int equals = option.indexOf('=');
            String address = equals < 0 ? option : option.substring(equals + 1);
            InetSocketAddress parsed = HostPort.parse(address).orElseThrow(() -> new IllegalArgumentException(
                    "--issuer " + option + ": the address must be HOST:PORT, a host that resolves and a port of 1 to 65535"));
            if (equals < 0) {
                if (shared != null) throw new IllegalArgumentException("--issuer HOST:PORT is given twice");
                shared = parsed;
                continue;
            }
            String name = option.substring(0, equals).toUpperCase(Locale.ROOT);
            CardNetwork network;
            try {
                network = CardNetwork.valueOf(name);
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("--issuer " + option + ": the network is visa, mastercard or unionpay");
            }
            if (byNetwork.put(network, parsed) != null) {
                throw new IllegalArgumentException("--issuer for " + network + " is given twice");
            }
        }
        return new IssuerAddresses(shared, byNetwork);
    }
}
