package org.corridor.gateway.routing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        LineReader lines = new LineReader(reader);
        List<BinRoute> routes = new ArrayList<>();
        Map<String, Integer> lineByPrefix = new HashMap<>();
        for (int number = 1; ; number++) {
            String line = lines.next(number);
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

    /** Splits a reader into lines of at most {@link #LINE_CHARS_MAX} characters, ended by LF or CRLF. */
    private static final class LineReader {
        private final Reader reader;
        private final char[] buffer = new char[8192];
        private int position;
        private int limit;
        private boolean ended;

        LineReader(Reader reader) {
            this.reader = reader;
        }

        /** The next line without its break, or null at the end; stops at the first too long line. */
        String next(int number) throws IOException, BinRoutingConfigException {
            StringBuilder line = new StringBuilder();
            while (true) {
                int c = read();
                if (c == -1) return line.isEmpty() ? null : withoutReturn(number, line);
                if (c == '\n') return withoutReturn(number, line);
                // One character over the limit is kept: it may be the CR of a CRLF.
                if (line.length() > LINE_CHARS_MAX) throw tooLong(number);
                line.append((char) c);
            }
        }

        private static String withoutReturn(int number, StringBuilder line) throws BinRoutingConfigException {
            if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') line.setLength(line.length() - 1);
            if (line.length() > LINE_CHARS_MAX) throw tooLong(number);
            return line.toString();
        }

        private static BinRoutingConfigException tooLong(int number) {
            return new BinRoutingConfigException(number, "longer than " + LINE_CHARS_MAX + " characters");
        }

        private int read() throws IOException {
            if (position == limit) {
                if (ended) return -1;
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    ended = true;
                    return -1;
                }
            }
            return buffer[position++];
        }
    }
}
