package org.corridor.gateway.routing;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.core.Check;

/**
 * An immutable set of {@link BinRoute}s that picks, for a PAN, the route with the longest matching prefix.
 *
 * <p>The routes sit in a decimal trie, so a lookup walks at most {@link BinRoute#PREFIX_DIGITS_MAX} nodes
 * whatever the number of routes, and allocates nothing. The table keeps no PAN and puts none in a message.
 */
public final class BinRoutingTable {
    /** The most routes one table holds. */
    public static final int ROUTES_MAX = 100_000;

    private final Node root;
    private final List<BinRoute> routes;

    private BinRoutingTable(Node root, List<BinRoute> routes) {
        this.root = root;
        this.routes = routes;
    }

    /**
     * A table of {@code routes}, which are copied. Two routes with the same prefix, or more than
     * {@link #ROUTES_MAX} routes, are a programmer error; {@link #loadFrom} reports both for a config file.
     */
    public static BinRoutingTable of(List<BinRoute> routes) {
        Check.that(routes != null, "routes are missing");
        Check.that(routes.size() <= ROUTES_MAX, "more than " + ROUTES_MAX + " routes");
        List<BinRoute> copy = List.copyOf(routes);
        Map<String, Integer> indexByPrefix = new HashMap<>();
        Node root = new Node();
        for (int index = 0; index < copy.size(); index++) {
            BinRoute route = copy.get(index);
            Integer earlier = indexByPrefix.putIfAbsent(route.prefix(), index);
            Check.that(earlier == null, "route " + index + " has the same prefix as route " + earlier);
            root.insert(route);
        }
        return new BinRoutingTable(root, copy);
    }

    /**
     * A table read from a CSV config of {@code prefix,network,link} lines, such as {@code 411111,VISA,visa-a}.
     * Blank lines and lines starting with {@code #} are skipped, and so is a first line reading
     * {@code prefix,network,link}; spaces around a field are trimmed; the network is spelt as a
     * {@link CardNetwork} constant. The reader is read to its end, or to the first fault, and not closed.
     *
     * @throws BinRoutingConfigException at the first line that breaks a rule of {@link BinRoute}, repeats an
     *                                   earlier prefix or exceeds a limit of {@link BinRoutingConfig}
     * @throws IOException               when {@code reader} fails
     */
    public static BinRoutingTable loadFrom(Reader reader) throws IOException, BinRoutingConfigException {
        return of(BinRoutingConfig.read(reader));
    }

    /**
     * The route with the longest prefix that {@code panDigits} starts with, or empty when none matches.
     *
     * @param panDigits ASCII digits only, at most {@link CardNetwork#PAN_DIGITS_MAX} of them; never echoed
     */
    public Optional<BinRoute> route(String panDigits) {
        Check.that(panDigits != null, "PAN digits are missing");
        Check.that(panDigits.length() <= CardNetwork.PAN_DIGITS_MAX,
                "PAN is longer than " + CardNetwork.PAN_DIGITS_MAX + " digits");
        Check.that(Digits.only(panDigits), "PAN must be digits only");
        int depth = Math.min(panDigits.length(), BinRoute.PREFIX_DIGITS_MAX);
        Node node = root;
        BinRoute longest = null;
        for (int i = 0; i < depth && node != null; i++) {
            node = node.children[panDigits.charAt(i) - '0'];
            if (node != null && node.route != null) longest = node.route;
        }
        return Optional.ofNullable(longest);
    }

    /** The routes in the order they were given; the list cannot be modified. */
    public List<BinRoute> routes() {
        return routes;
    }

    /** Counts only, so that logging a table never prints its prefixes. */
    @Override
    public String toString() {
        return "BinRoutingTable[routes=" + routes.size() + "]";
    }

    /**
     * One decimal digit of the trie. Nodes are filled in only while {@link #of} builds the table and are
     * reachable only through its final fields afterwards, so a built table is safe to share between threads.
     */
    private static final class Node {
        private final Node[] children = new Node[10];
        private BinRoute route;

        void insert(BinRoute newRoute) {
            Node node = this;
            String prefix = newRoute.prefix();
            for (int i = 0; i < prefix.length(); i++) {
                int digit = prefix.charAt(i) - '0';
                if (node.children[digit] == null) node.children[digit] = new Node();
                node = node.children[digit];
            }
            node.route = newRoute;
        }
    }
}
