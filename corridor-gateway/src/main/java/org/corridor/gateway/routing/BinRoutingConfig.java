package org.corridor.gateway.routing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.gateway.text.BoundedLines;

/**
 * Reads the CSV routing config described at {@link BinRoutingTable#loadFrom}, within fixed limits, and
 * reports the first faulty line by number without quoting it.
 */
final class BinRoutingConfig {
    /** The most lines a config has, comments and blank lines included. */
    static final int LINES_MAX = 200_000;
    /** The most characters a line has, its line break excluded. */
    static final int LINE_CHARS_MAX = 128;
    /** The optional first line. */
    static final String HEADER = "prefix,network,link";

    private static final int FIELDS = 3;

    private BinRoutingConfig() {}

    static List<BinRoute> read(Reader reader) throws IOException, BinRoutingConfigException {
        BoundedLines lines = new BoundedLines(reader, LINE_CHARS_MAX);
        List<BinRoute> routes = new ArrayList<>();
        Map<String, Integer> lineByPrefix = new HashMap<>();
        for (int number = 1; ; number++) {
            String line = line(lines, number);
            if (line == null) return routes;
            if (number > LINES_MAX) throw new BinRoutingConfigException(number, "more than " + LINES_MAX + " lines");
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || (number == 1 && text.equals(HEADER))) continue;
            BinRoute route = parse(number, text);
            Integer earlier = lineByPrefix.putIfAbsent(route.prefix(), number);
            if (earlier != null) throw new BinRoutingConfigException(number, "prefix already routed on line " + earlier);
            if (routes.size() == BinRoutingTable.ROUTES_MAX) {
                throw new BinRoutingConfigException(number, "more than " + BinRoutingTable.ROUTES_MAX + " routes");
            }
            routes.add(route);
        }
    }

    private static BinRoute parse(int number, String text) throws BinRoutingConfigException {
        String[] fields = text.split(",", -1);
        if (fields.length != FIELDS) {
            throw new BinRoutingConfigException(number,
                    "expected " + FIELDS + " fields (" + HEADER + "), found " + fields.length);
        }
        String prefix = fields[0].strip();
        CardNetwork network = networkNamed(fields[1].strip());
        String issuerLinkId = fields[2].strip();
        if (network == null) {
            // Fields are checked left to right, so a bad prefix is reported before a bad network name.
            throw new BinRoutingConfigException(number, BinRoute.problemWithPrefix(prefix)
                    .orElse("network must be one of VISA, MASTERCARD, UNIONPAY"));
        }
        Optional<String> problem = BinRoute.problemWith(prefix, network, issuerLinkId);
        if (problem.isPresent()) throw new BinRoutingConfigException(number, problem.get());
        return new BinRoute(prefix, network, issuerLinkId);
    }

    /** The network spelt exactly as {@code name}, or null for none. */
    private static CardNetwork networkNamed(String name) {
        for (CardNetwork network : CardNetwork.values()) {
            if (network.name().equals(name)) return network;
        }
        return null;
    }

    private static String line(BoundedLines lines, int number) throws IOException, BinRoutingConfigException {
        try {
            return lines.next();
        } catch (BoundedLines.LineTooLong tooLong) {
            throw new BinRoutingConfigException(number, tooLong.getMessage());
        }
    }
}
