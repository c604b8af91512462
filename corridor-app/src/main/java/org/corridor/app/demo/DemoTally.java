package org.corridor.app.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the demo's payments did, from many client threads at once. */
final class DemoTally {
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> capturedMinorByCurrency = new ConcurrentHashMap<>();
    private final LongAdder payments = new LongAdder();

    void payment(String outcome) {
        payments.increment();
        outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
    }

    void captured(String currency, long amountMinor) {
        capturedMinorByCurrency.computeIfAbsent(currency, key -> new LongAdder()).add(amountMinor);
    }

    long payments() {
        return payments.sum();
    }

    Map<String, Long> outcomes() {
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((outcome, count) -> sorted.put(outcome, count.sum()));
        return sorted;
    }

    Map<String, Long> capturedMinorByCurrency() {
        Map<String, Long> sorted = new TreeMap<>();
        capturedMinorByCurrency.forEach((currency, amount) -> sorted.put(currency, amount.sum()));
        return sorted;
    }
}
