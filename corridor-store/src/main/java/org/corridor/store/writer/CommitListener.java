package org.corridor.store.writer;

import java.util.List;
import org.corridor.core.state.RecordChange;
import org.corridor.core.state.SwitchState;

/**
 * Told, on the writer thread, what each batch committed, so readers can be served from memory without
 * ever seeing a change that is not durable. Must be quick and must not throw.
 */
public interface CommitListener {
    CommitListener NONE = new CommitListener() {
        @Override
        public void restored(SwitchState state) {}

        @Override
        public void committed(List<RecordChange> records) {}
    };

    /** The writer (re)loaded its state from the store: start over from it. */
    void restored(SwitchState state);

    /** A batch with these object changes is durable; its callers are answered right after. */
    void committed(List<RecordChange> records);
}
