package org.corridor.app;

import java.net.InetSocketAddress;
import java.util.Optional;

/** {@code HOST:PORT} from the command line, resolved once when read. */
public final class HostPort {
    /** The longest host name accepted (RFC 1035). */
    static final int HOST_CHARS_MAX = 253;

    private HostPort() {}

    public static Optional<InetSocketAddress> parse(String given) {
        int colon = given.lastIndexOf(':');
        if (colon <= 0 || colon > HOST_CHARS_MAX || colon == given.length() - 1) return Optional.empty();
        String port = given.substring(colon + 1);
        if (port.length() > 5 || !port.chars().allMatch(Character::isDigit)) return Optional.empty();
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65_535) return Optional.empty();
        InetSocketAddress address = new InetSocketAddress(given.substring(0, colon), number);
        // A host that does not resolve would only make the link retry for ever: refused here, where it is typed.
        return address.isUnresolved() ? Optional.empty() : Optional.of(address);
    }
}
