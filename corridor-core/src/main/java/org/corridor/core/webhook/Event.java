package org.corridor.core.webhook;

import org.corridor.core.state.OwnedObject;
import org.corridor.core.state.RecordKind;

/**
 * Something that happened to an object, written in the same commit as the change itself (the outbox), and
 * delivered to the owner's webhook endpoints.
 *
 * @param id {@code evt_…}, stable across redeliveries
 * @param ownerId the participant the event is for
 * @param type such as {@code payment_intent.succeeded}
 * @param objectKind what kind of object {@code object} is
 * @param object the object as it stood right after the change
 * @param createdAt nanoseconds since the epoch
 */
public record Event(String id, String ownerId, String type, RecordKind objectKind, Object object, long createdAt) implements OwnedObject {}
