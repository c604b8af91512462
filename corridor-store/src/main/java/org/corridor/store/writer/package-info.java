/**
 * The single writer: callers on any thread submit ledger commands; one thread applies them in order to the
 * in-memory state machine, commits each batch in one durable transaction and only then answers.
 *
 * <p>One fsync is shared by every command in a batch, which is where the ledger's speed comes from; one
 * thread applying in order gives strict serializability without locks, so a hot account costs nothing
 * extra. If a commit fails the writer rebuilds its memory from the store: memory never runs ahead of disk.
 */
package org.corridor.store.writer;
