package org.corridor.gateway.fx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corridor.core.fx.Rate;

/**
 * The JSON a rate feed answers with, read strictly:
 *
 * <pre>{@code
 * {"rates": [
 *   {"base": "USD", "quote": "CNY", "rate": 7.1234, "as_of": "2026-11-02T10:00:00Z"}
 * ]}
 * }</pre>
 *
 * <p>Exactly these members, no others; {@code rate} is a JSON number without sign or exponent, read exactly
 * from its text; 1 to {@link #RATES_MAX} entries, one per pair. The first faulty entry is named by its index.
 */
final class RateFeedFormat {
    /** The most rates one answer carries. */
    static final int RATES_MAX = 1_000;

    private static final Set<String> TOP_MEMBERS = Set.of("rates");
    private static final Set<String> RATE_MEMBERS = Set.of("base", "quote", "rate", "as_of");

    private RateFeedFormat() {}

    static List<Rate> read(byte[] body, String sourceName) throws RateSourceException {
        Object document;
        try {
            document = StrictJson.parse(body);
        } catch (StrictJson.JsonException invalid) {
            throw new RateSourceException("the feed's answer is " + invalid.getMessage());
        }
        Map<String, Object> top = object(document, TOP_MEMBERS, "the answer");
        if (!(top.get("rates") instanceof List<?> entries)) throw new RateSourceException("rates is not an array");
        if (entries.isEmpty()) throw new RateSourceException("rates is empty");
        if (entries.size() > RATES_MAX) throw new RateSourceException("more than " + RATES_MAX + " rates");
        List<Rate> rates = new ArrayList<>(entries.size());
        Map<String, Integer> indexByPair = new HashMap<>();
        for (int index = 0; index < entries.size(); index++) {
            Rate rate = entry(entries.get(index), index, sourceName);
            Integer earlier = indexByPair.putIfAbsent(RateFields.pair(rate), index);
            if (earlier != null) {
                throw new RateSourceException("rates[" + index + "]: the pair is already given at rates[" + earlier + "]");
            }
            rates.add(rate);
        }
        return List.copyOf(rates);
    }

    private static Rate entry(Object value, int index, String sourceName) throws RateSourceException {
        String where = "rates[" + index + "]";
        Map<String, Object> members = object(value, RATE_MEMBERS, where);
        String base = string(members, "base", where);
        String quote = string(members, "quote", where);
        if (!(members.get("rate") instanceof StrictJson.JsonNumber rate)) {
            throw new RateSourceException(where + ": rate is not a number");
        }
        String asOf = string(members, "as_of", where);
        try {
            return RateFields.parse(base, quote, rate.text(), asOf, sourceName);
        } catch (RateSourceException problem) {
            throw new RateSourceException(where + ": " + problem.getMessage());
        }
    }

    /** {@code value} as an object with exactly the {@code expected} members. */
    private static Map<String, Object> object(Object value, Set<String> expected, String where)
            throws RateSourceException {
        if (!(value instanceof Map<?, ?> map)) throw new RateSourceException(where + " is not an object");
        if (!map.keySet().equals(expected)) {
            throw new RateSourceException(where + " does not have exactly the members " + expected.stream().sorted()
                    .toList());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) map;
        return members;
    }

    private static String string(Map<String, Object> members, String name, String where) throws RateSourceException {
        if (!(members.get(name) instanceof String text)) throw new RateSourceException(where + ": " + name + " is not a string");
        return text;
    }
}
