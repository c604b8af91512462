package org.corridor.store;

/**
 * The durable log of committed batches: what makes a batch durable before it is acknowledged. Appending
 * one entry is one small sequential write and one sync, whatever the batch holds; the tables are written
 * from the log afterwards, off the acknowledgement path (see {@link Projector}).
 */
interface BatchLog extends AutoCloseable {

    /** What recovery reads back: an entry and its sequence number. */
    interface EntryConsumer {
        void accept(long sequence, byte[] entry);
    }

    /** Numbers new entries after {@code projectedSequence} at least, in case the log was trimmed empty. */
    void continueAfter(long projectedSequence);

    /** Appends an entry and returns its sequence number once it is durable. Writer thread only. */
    long append(byte[] entry);

    /** Hands every entry after {@code sequence} to {@code consumer}, in order. */
    void readAfter(long sequence, EntryConsumer consumer);

    /** Forgets the entries up to and including {@code sequence}: the tables hold them now. */
    void trimThrough(long sequence);

    @Override
    void close();
}
