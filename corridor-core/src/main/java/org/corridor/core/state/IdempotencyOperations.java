package org.corridor.core.state;

import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a command at most once per idempotency key: its reply is kept in the same batch as its effect, so
 * the two become durable together and a retry, even after a crash, finds one exactly when the other
 * happened.
 */
public final class IdempotencyOperations {
    private IdempotencyOperations() {}

    /**
     * The kept record if the key was used before (whatever request it was used for: the caller compares
     * fingerprints); otherwise runs {@code command} and keeps its reply.
     */
    public static IdempotencyRecord once(SwitchState state, IdempotencyKey key, Function<SwitchState, Reply> command) {
        Optional<IdempotencyRecord> kept = state.find(RecordKind.IDEMPOTENCY, key.id(), IdempotencyRecord.class);
        if (kept.isPresent()) return kept.get();
        return remember(state, key, command.apply(state));
    }

    /** Keeps a reply made without a command (a request refused before it ran), unless the key is taken. */
    public static IdempotencyRecord remember(SwitchState state, IdempotencyKey key, Reply reply) {
        Optional<IdempotencyRecord> kept = state.find(RecordKind.IDEMPOTENCY, key.id(), IdempotencyRecord.class);
        if (kept.isPresent()) return kept.get();
        IdempotencyRecord record = new IdempotencyRecord(key.ownerId(), key.key(), key.fingerprint(), reply, state.now());
        state.put(RecordKind.IDEMPOTENCY, record.id(), record);
        return record;
    }
}
