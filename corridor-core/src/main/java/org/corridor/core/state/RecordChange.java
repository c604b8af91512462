package org.corridor.core.state;

/**
 * One durable object written or removed by a batch.
 *
 * @param kind what it is
 * @param id its id, unique within the kind
 * @param value the object as it stands after the batch; null when the batch removed it
 */
public record RecordChange(RecordKind kind, String id, Object value) {
    public boolean removed() {
        return value == null;
    }
}
