package org.corridor.store;

import java.util.List;
import org.corridor.core.ledger.LedgerChanges;
import org.corridor.store.records.RecordRow;

/**
 * One batch as the batch log holds it and the projector writes it: the ledger's changes and the objects'
 * rows, durable together.
 */
record LoggedBatch(LedgerChanges ledger, List<RecordRow> records) {
    static LoggedBatch ofLedger(LedgerChanges ledger) {
        return new LoggedBatch(ledger, List.of());
    }
}
