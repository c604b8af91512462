package org.corridor.store.writer;

/** Told about every committed batch, on the writer thread: keep it cheap (counters, a histogram). */
@FunctionalInterface
public interface BatchObserver {
    BatchObserver NONE = (commands, events, commitNanos) -> {};

    /**
     * @param commands commands in the batch
     * @param events accounts and transfers in the batch
     * @param commitNanos how long the durable commit took
     */
    void batchCommitted(int commands, int events, long commitNanos);
}
