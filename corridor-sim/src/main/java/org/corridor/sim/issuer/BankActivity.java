package org.corridor.sim.issuer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each simulated bank saw, in arrival order: the record a reconciliation compares against the switch's
 * own. Requests that reached no bank (an unknown BIN) are counted, not listed.
 *
 * <p>Alongside the bounded entries, each bank keeps running {@link ActivityTotals} that nothing drops, so the
 * totals stay exact after old entries have gone and cost no walk over the entries to read.
 */
public final class BankActivity {
    /** The most entries kept per bank; older ones are dropped first and counted. */
    public static final int ENTRIES_PER_BANK_MAX = 100_000;

    private final Map<String, List<ActivityEntry>> entriesByBank = new ConcurrentHashMap<>();
    private final Map<String, Long> droppedByBank = new ConcurrentHashMap<>();
    private final Map<String, ActivityTotals> totalsByBank = new ConcurrentHashMap<>();
    private long unrouted;

    void record(String bankId, ActivityEntry entry) {
        List<ActivityEntry> entries = entriesByBank.computeIfAbsent(bankId, id -> new ArrayList<>());
        synchronized (entries) {
            if (entries.size() >= ENTRIES_PER_BANK_MAX) {
                entries.removeFirst();
                droppedByBank.merge(bankId, 1L, Long::sum);
            }
            entries.add(entry);
        }
        totalsByBank.compute(bankId, (id, totals) -> (totals == null ? ActivityTotals.NONE : totals).plus(entry));
    }

    synchronized void recordUnrouted() {
        unrouted++;
    }

    /** A copy of what {@code bankId} saw, oldest first. */
    public List<ActivityEntry> of(String bankId) {
        List<ActivityEntry> entries = entriesByBank.get(bankId);
        if (entries == null) return List.of();
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** The entries of {@code bankId} of one kind, oldest first. */
    public List<ActivityEntry> of(String bankId, ActivityKind kind) {
        return of(bankId).stream().filter(entry -> entry.kind() == kind).toList();
    }

    /** How many entries of {@code bankId} were dropped for the {@link #ENTRIES_PER_BANK_MAX} bound. */
    public long dropped(String bankId) {
        return droppedByBank.getOrDefault(bankId, 0L);
    }

    /** The totals of everything {@code bankId} answered, dropped entries included. */
    public ActivityTotals totals(String bankId) {
        return totalsByBank.getOrDefault(bankId, ActivityTotals.NONE);
    }

    /** The totals across every bank (requests that reached no bank are in {@link #unrouted()} only). */
    public ActivityTotals totals() {
        ActivityTotals sum = ActivityTotals.NONE;
        for (ActivityTotals bank : totalsByBank.values()) sum = sum.plus(bank);
        return sum;
    }

    /** How many requests named a card no simulated bank issues (or no valid card at all). */
    public synchronized long unrouted() {
        return unrouted;
    }
}
