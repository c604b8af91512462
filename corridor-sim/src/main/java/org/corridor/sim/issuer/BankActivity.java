package org.corridor.sim.issuer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each simulated bank saw, in arrival order: the record a reconciliation compares against the switch's
 * own. Requests that reached no bank (an unknown BIN) are counted, not listed.
 */
public final class BankActivity {
    /** The most entries kept per bank; older ones are dropped first and counted. */
    public static final int ENTRIES_PER_BANK_MAX = 100_000;

    private final Map<String, List<ActivityEntry>> entriesByBank = new ConcurrentHashMap<>();
    private final Map<String, Long> droppedByBank = new ConcurrentHashMap<>();
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

    /** How many requests named a card no simulated bank issues (or no valid card at all). */
    public synchronized long unrouted() {
        return unrouted;
    }
}
