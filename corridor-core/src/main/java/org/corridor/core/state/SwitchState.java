package org.corridor.core.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.corridor.core.Check;
import org.corridor.core.ledger.LedgerChanges;
import org.corridor.core.ledger.LedgerStateMachine;

/**
 * Everything the single writer holds in memory: the ledger and the switch's objects (participants, keys,
 * customers, payment intents, refunds, idempotency records, events, webhook endpoints and deliveries).
 *
 * <p>Commands change objects through {@link #put} and the ledger through {@link #ledger()}; at the end of a
 * batch {@link #drainChanges()} hands the store both together, so they are made durable in one write.
 * Single-threaded, like the ledger: only the writer thread touches it.
 */
public final class SwitchState {
    /** Idempotency records are kept this long (seven days), then dropped at the start of a batch. */
    public static final long IDEMPOTENCY_RETENTION_NANOS = 7L * 24 * 3600 * 1_000_000_000L;

    private record Expiring(long createdAt, String id) {}

    private final LedgerStateMachine ledger;
    private final EnumMap<RecordKind, Map<String, Object>> tables = new EnumMap<>(RecordKind.class);
    private final LinkedHashMap<String, RecordChange> changes = new LinkedHashMap<>();
    /** Idempotency records in creation order, for dropping them once their retention has passed. */
    private final ArrayDeque<Expiring> idempotencyByAge = new ArrayDeque<>();
    /** Kinds looked up by owner on the payment path (every event looks for its owner's endpoints). */
    private static final Set<RecordKind> INDEXED_BY_OWNER = EnumSet.of(RecordKind.WEBHOOK_ENDPOINT);

    private final Map<String, Set<String>> endpointsByOwner = new HashMap<>();
    /** Ids by unique key, per kind, for objects that have one (cards by fingerprint, tokens by DPAN). */
    private final EnumMap<RecordKind, Map<String, String>> idsByUniqueKey = new EnumMap<>(RecordKind.class);
    private final IdSource ids;
    private long now;
    /** The last number {@link #nextSequence()} handed out. */
    private long sequence;

    public SwitchState(LedgerStateMachine ledger, IdSource ids) {
        this.ledger = ledger;
        this.ids = ids;
        for (RecordKind kind : RecordKind.values()) {
            tables.put(kind, new HashMap<>());
            idsByUniqueKey.put(kind, new HashMap<>());
        }
    }

    public LedgerStateMachine ledger() {
        return ledger;
    }

    /** Fresh ids for the accounts and transfers commands create. */
    public IdSource ids() {
        return ids;
    }

    /** Starts a batch at {@code nowNanos}: expires pending transfers and drops old idempotency records. */
    public void beginBatch(long nowNanos) {
        ledger.beginBatch(nowNanos);
        now = Math.max(now, nowNanos);
        while (!idempotencyByAge.isEmpty()
                && now - idempotencyByAge.peekFirst().createdAt() >= IDEMPOTENCY_RETENTION_NANOS) {
            Expiring old = idempotencyByAge.pollFirst();
            if (tables.get(RecordKind.IDEMPOTENCY).remove(old.id()) != null) {
                changes.put(key(RecordKind.IDEMPOTENCY, old.id()), new RecordChange(RecordKind.IDEMPOTENCY, old.id(), null));
            }
        }
    }

    /** The batch's time, nanoseconds since the epoch: what commands stamp objects with. */
    public long now() {
        return now;
    }

    public <T> Optional<T> find(RecordKind kind, String id, Class<T> type) {
        return Optional.ofNullable(tables.get(kind).get(id)).map(type::cast);
    }

    /** The object of a kind whose {@link UniquelyKeyed#uniqueKey()} is {@code key}. */
    public <T> Optional<T> findByKey(RecordKind kind, String key, Class<T> type) {
        String id = idsByUniqueKey.get(kind).get(key);
        return id == null ? Optional.empty() : find(kind, id, type);
    }

    /** A number never handed out before, also across restarts (see {@link Sequenced}). */
    public long nextSequence() {
        return ++sequence;
    }

    /** Every object of a kind (for start-up work such as scheduling deliveries). */
    public Collection<Object> all(RecordKind kind) {
        return Collections.unmodifiableCollection(tables.get(kind).values());
    }

    /** Writes an object; it becomes durable with the batch. */
    public void put(RecordKind kind, String id, Object value) {
        Check.that(value != null, "a record value is never null; use remove");
        Check.that(kind != RecordKind.ERROR, "errors are kept inside idempotency records only");
        Object previous = tables.get(kind).put(id, value);
        index(kind, id, value);
        if (kind == RecordKind.IDEMPOTENCY && previous == null) {
            idempotencyByAge.addLast(new Expiring(((IdempotencyRecord) value).createdAt(), id));
        }
        changes.put(key(kind, id), new RecordChange(kind, id, value));
    }

    /** Removes an object; the removal becomes durable with the batch. */
    public void remove(RecordKind kind, String id) {
        Object removed = tables.get(kind).remove(id);
        if (removed == null) return;
        if (removed instanceof UniquelyKeyed keyed) idsByUniqueKey.get(kind).remove(keyed.uniqueKey());
        if (INDEXED_BY_OWNER.contains(kind) && removed instanceof OwnedObject owned) {
            endpointsByOwner.getOrDefault(owned.ownerId(), Set.of()).remove(id);
        }
        changes.put(key(kind, id), new RecordChange(kind, id, null));
    }

    /** An owner's objects of a kind that is indexed by owner (webhook endpoints), in no particular order. */
    public List<Object> ownedBy(RecordKind kind, String ownerId) {
        Check.that(INDEXED_BY_OWNER.contains(kind), kind + " is not indexed by owner");
        List<Object> owned = new ArrayList<>();
        for (String id : endpointsByOwner.getOrDefault(ownerId, Set.of())) owned.add(tables.get(kind).get(id));
        return owned;
    }

    private void index(RecordKind kind, String id, Object value) {
        if (value instanceof UniquelyKeyed keyed) {
            String earlier = idsByUniqueKey.get(kind).putIfAbsent(keyed.uniqueKey(), id);
            Check.that(earlier == null || earlier.equals(id), kind + " unique keys are unique");
        }
        if (value instanceof Sequenced numbered) sequence = Math.max(sequence, numbered.sequence());
        if (INDEXED_BY_OWNER.contains(kind) && value instanceof OwnedObject owned) {
            endpointsByOwner.computeIfAbsent(owned.ownerId(), owner -> new TreeSet<>()).add(id);
        }
    }

    /** Loads a committed object at start-up; not a change. */
    public void restore(RecordKind kind, String id, Object value) {
        tables.get(kind).put(id, value);
        index(kind, id, value);
        if (kind == RecordKind.IDEMPOTENCY) {
            idempotencyByAge.addLast(new Expiring(((IdempotencyRecord) value).createdAt(), id));
        }
    }

    /** Sorts what {@link #restore} loaded; call once after the last restore. */
    public void restored(long lastNanos) {
        List<Expiring> sorted = new ArrayList<>(idempotencyByAge);
        sorted.sort(Comparator.comparingLong(Expiring::createdAt));
        idempotencyByAge.clear();
        idempotencyByAge.addAll(sorted);
        now = Math.max(now, lastNanos);
    }

    /** The batch's changes, ledger and objects, ready for one durable write; resets for the next batch. */
    public StateChanges drainChanges() {
        LedgerChanges ledgerChanges = ledger.drainChanges();
        List<RecordChange> records = List.copyOf(changes.values());
        changes.clear();
        return new StateChanges(ledgerChanges, records);
    }

    private static String key(RecordKind kind, String id) {
        return kind.storedName() + "/" + id;
    }
}
