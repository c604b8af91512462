package org.corridor.core.state;

/** An object that belongs to one participant and is listed newest first: what pagination and scoping need. */
public interface OwnedObject {
    String id();

    /** The participant it belongs to; every lookup by another participant answers "not found". */
    String ownerId();

    /** Nanoseconds since the epoch. */
    long createdAt();
}
