package org.corridor.sim.issuer;

import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.corridor.core.Check;

/**
 * What one bank, or all of them, answered, added up: counts per request kind and per response code, and the
 * approved amounts per currency. It holds no card number, masked or not, so it can be shown to anyone.
 *
 * <p>Amounts are kept per currency because banks bill in different ones and the simulator converts nothing;
 * one bank's totals have at most its billing currency.
 *
 * @param requests how many requests reached a bank
 * @param countsByKind how many of each kind, in {@link ActivityKind} order
 * @param countsByResponseCode how many got each DE39 response code, in code order
 * @param amountsByCurrency the approved amounts per currency, in currency-code order
 */
public record ActivityTotals(
        long requests,
        Map<ActivityKind, Long> countsByKind,
        Map<String, Long> countsByResponseCode,
        Map<Currency, ActivityAmounts> amountsByCurrency) {

    /** Nothing seen yet. */
    public static final ActivityTotals NONE = new ActivityTotals(0, Map.of(), Map.of(), Map.of());

    public ActivityTotals {
        Check.that(requests >= 0, "a request count is not negative");
        Map<ActivityKind, Long> kinds = new EnumMap<>(ActivityKind.class);
        kinds.putAll(countsByKind);
        countsByKind = Collections.unmodifiableMap(kinds);
        countsByResponseCode = Collections.unmodifiableMap(new TreeMap<>(countsByResponseCode));
        TreeMap<Currency, ActivityAmounts> sorted = new TreeMap<>(
                (left, right) -> left.getCurrencyCode().compareTo(right.getCurrencyCode()));
        sorted.putAll(amountsByCurrency);
        amountsByCurrency = Collections.unmodifiableMap(sorted);
    }

    /** These totals with one more entry. */
    public ActivityTotals plus(ActivityEntry entry) {
        Map<ActivityKind, Long> kinds = new EnumMap<>(ActivityKind.class);
        kinds.putAll(countsByKind);
        kinds.merge(entry.kind(), 1L, Math::addExact);
        Map<String, Long> codes = new TreeMap<>(countsByResponseCode);
        codes.merge(entry.responseCode(), 1L, Math::addExact);
        ActivityAmounts moved = ActivityAmounts.of(entry);
        Map<Currency, ActivityAmounts> amounts = moved.equals(ActivityAmounts.NONE)
                ? amountsByCurrency : withAmounts(amountsByCurrency, entry.currency(), moved);
        return new ActivityTotals(Math.addExact(requests, 1), kinds, codes, amounts);
    }

    /** These totals and {@code other} added up, as for the totals across banks. */
    public ActivityTotals plus(ActivityTotals other) {
        Map<ActivityKind, Long> kinds = new EnumMap<>(ActivityKind.class);
        kinds.putAll(countsByKind);
        other.countsByKind.forEach((kind, count) -> kinds.merge(kind, count, Math::addExact));
        Map<String, Long> codes = new TreeMap<>(countsByResponseCode);
        other.countsByResponseCode.forEach((code, count) -> codes.merge(code, count, Math::addExact));
        Map<Currency, ActivityAmounts> amounts = amountsByCurrency;
        for (Map.Entry<Currency, ActivityAmounts> added : other.amountsByCurrency.entrySet()) {
            amounts = withAmounts(amounts, added.getKey(), added.getValue());
        }
        return new ActivityTotals(Math.addExact(requests, other.requests), kinds, codes, amounts);
    }

    /** How many requests of {@code kind}. */
    public long count(ActivityKind kind) {
        return countsByKind.getOrDefault(kind, 0L);
    }

    private static Map<Currency, ActivityAmounts> withAmounts(
            Map<Currency, ActivityAmounts> amounts, Currency currency, ActivityAmounts added) {
        Check.that(currency != null, "money moved in a known currency");
        Map<Currency, ActivityAmounts> sum = new HashMap<>(amounts);
        sum.merge(currency, added, ActivityAmounts::plus);
        return sum;
    }
}
