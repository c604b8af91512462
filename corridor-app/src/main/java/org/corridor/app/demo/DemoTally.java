package org.corridor.app.demo;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the demo's payments did, by rail and outcome, and the FX volume by currency pair; thread-safe. */
final class DemoTally {
    /** What crossed one currency pair: payments, minor units sold by shoppers and bought for merchants. */
    record FxVolume(long payments, long soldMinor, long boughtMinor) {}

    private final Map<DemoRail, Map<String, LongAdder>> outcomes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder[]> fx = new ConcurrentHashMap<>();
    private final LongAdder payments = new LongAdder();

    /** One payment on {@code rail} that ended with {@code outcome} (such as {@code confirm: succeeded}). */
    void payment(DemoRail rail, String outcome) {
        payments.increment();
        outcomes.computeIfAbsent(rail, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, key -> new LongAdder()).increment();
    }

    /** A conversion: the shopper sold {@code soldMinor} of {@code sell} for {@code boughtMinor} of {@code buy}. */
    void converted(String sell, String buy, long soldMinor, long boughtMinor) {
        LongAdder[] sums = fx.computeIfAbsent(sell + "->" + buy,
                key -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
        sums[0].increment();
        sums[1].add(soldMinor);
        sums[2].add(boughtMinor);
    }

    long payments() {
        return payments.sum();
    }

    /** Outcome counts per rail, rails in declaration order, outcomes by name. */
    Map<DemoRail, Map<String, Long>> outcomes() {
        Map<DemoRail, Map<String, Long>> copy = new EnumMap<>(DemoRail.class);
        outcomes.forEach((rail, counts) -> {
            Map<String, Long> sorted = new TreeMap<>();
            counts.forEach((outcome, count) -> sorted.put(outcome, count.sum()));
            copy.put(rail, sorted);
        });
        return copy;
    }

    /** FX volume per pair ({@code CNY->USD}), pairs by name. */
    Map<String, FxVolume> fxVolume() {
        Map<String, FxVolume> copy = new TreeMap<>();
        fx.forEach((pair, sums) -> copy.put(pair, new FxVolume(sums[0].sum(), sums[1].sum(), sums[2].sum())));
        return copy;
    }
}
