package org.corridor.gateway.routing;

import java.util.Optional;
import org.corridor.core.Check;

/**
 * One routing rule: PANs starting with {@code prefix} go to the issuer link {@code issuerLinkId}, on
 * {@code network}. The prefix must lie inside the network's ranges, so a route can never send a card to a
 * link of another network.
 *
 * @param prefix       {@link #PREFIX_DIGITS_MIN} to {@link #PREFIX_DIGITS_MAX} ASCII digits
 * @param network      the network whose ranges hold {@code prefix}
 * @param issuerLinkId 1 to {@link #ISSUER_LINK_ID_CHARS_MAX} letters, digits, {@code .}, {@code _} or
 *                     {@code -}
 */
public record BinRoute(String prefix, CardNetwork network, String issuerLinkId) {
    /** The fewest digits a prefix has: a six-digit BIN. */
    public static final int PREFIX_DIGITS_MIN = 6;
    /** The most digits a prefix has: an eight-digit BIN plus a three-digit account range. */
    public static final int PREFIX_DIGITS_MAX = 11;
    /** The longest issuer link id. */
    public static final int ISSUER_LINK_ID_CHARS_MAX = 64;

    /** Checks every field; a broken one is a programmer error whose message never holds the values. */
    public BinRoute {
        Optional<String> problem = problemWith(prefix, network, issuerLinkId);
        Check.that(problem.isEmpty(), problem.orElse(""));
    }

    /**
     * The first rule these fields break, in the order the checks run, or empty when they make a valid route.
     * The message names the rule, never the value, so that a PAN pasted into a config cannot leak through it.
     */
    static Optional<String> problemWith(String prefix, CardNetwork network, String issuerLinkId) {
        Optional<String> prefixProblem = problemWithPrefix(prefix);
        if (prefixProblem.isPresent()) return prefixProblem;
        if (network == null) return Optional.of("network is missing");
        if (CardNetwork.ofPan(prefix).filter(network::equals).isEmpty()) {
            return Optional.of("prefix lies outside the ranges of network " + network);
        }
        if (issuerLinkId == null || issuerLinkId.isEmpty()) return Optional.of("issuer link id is missing");
        if (issuerLinkId.length() > ISSUER_LINK_ID_CHARS_MAX) {
            return Optional.of("issuer link id is longer than " + ISSUER_LINK_ID_CHARS_MAX + " characters");
        }
        if (!isLinkIdText(issuerLinkId)) {
            return Optional.of("issuer link id must use only letters, digits, '.', '_' and '-'");
        }
        return Optional.empty();
    }

    /** The first rule the prefix alone breaks, or empty; the first checks of {@link #problemWith}. */
    static Optional<String> problemWithPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) return Optional.of("prefix is missing");
        if (!Digits.only(prefix)) return Optional.of("prefix must be digits only");
        if (prefix.length() < PREFIX_DIGITS_MIN || prefix.length() > PREFIX_DIGITS_MAX) {
            return Optional.of("prefix must be " + PREFIX_DIGITS_MIN + " to " + PREFIX_DIGITS_MAX + " digits long");
        }
        return Optional.empty();
    }

    private static boolean isLinkIdText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!allowed) return false;
        }
        return true;
    }
}
