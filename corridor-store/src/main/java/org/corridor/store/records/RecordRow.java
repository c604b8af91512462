package org.corridor.store.records;

import org.corridor.core.state.RecordChange;
import org.corridor.core.state.RecordKind;

/**
 * A {@link RecordChange} in stored form: the row to upsert, or to delete when {@code body} is null.
 *
 * @param kind what the object is
 * @param id its id within the kind
 * @param body {@link RecordCodec} bytes; null for a removal
 */
public record RecordRow(RecordKind kind, String id, byte[] body) {
    public static RecordRow of(RecordChange change) {
        return new RecordRow(change.kind(), change.id(),
                change.removed() ? null : RecordCodec.encode(change.kind(), change.value()));
    }
}
