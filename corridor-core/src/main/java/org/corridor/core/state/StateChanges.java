package org.corridor.core.state;

import java.util.List;
import org.corridor.core.ledger.LedgerChanges;

/**
 * Everything one batch changed, ledger and objects together, for the store to make durable in one write:
 * a payment's state, its ledger transfers, its idempotency record and its events never disagree.
 *
 * @param ledger the ledger's changes
 * @param records the objects written or removed, in the order the batch changed them (one entry per object)
 */
public record StateChanges(LedgerChanges ledger, List<RecordChange> records) {
    public StateChanges {
        records = List.copyOf(records);
    }

    /** Changes of the ledger alone. */
    public static StateChanges ofLedger(LedgerChanges ledger) {
        return new StateChanges(ledger, List.of());
    }

    public boolean isEmpty() {
        return ledger.isEmpty() && records.isEmpty();
    }
}
