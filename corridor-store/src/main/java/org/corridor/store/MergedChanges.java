package org.corridor.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountBalance;
import org.corridor.core.ledger.FailedTransfer;
import org.corridor.core.ledger.LedgerChanges;
import org.corridor.core.ledger.PendingResolution;
import org.corridor.core.ledger.Transfer;
import org.corridor.store.records.RecordRow;

/**
 * Several consecutive batches folded into one, so the tables are written once for all of them: rows are
 * appended in order, and an account or object updated by several batches is written once, as the last one left it.
 */
final class MergedChanges {
    private MergedChanges() {}

    static LoggedBatch of(List<LoggedBatch> batches) {
        if (batches.size() == 1) return batches.getFirst();
        Map<String, RecordRow> records = new LinkedHashMap<>();
        for (LoggedBatch batch : batches) {
            for (RecordRow row : batch.records()) {
                String key = row.kind().storedName() + "/" + row.id();
                records.remove(key);
                records.put(key, row);
            }
        }
        return new LoggedBatch(ofLedger(batches.stream().map(LoggedBatch::ledger).toList()),
                List.copyOf(records.values()));
    }

    private static LedgerChanges ofLedger(List<LedgerChanges> batches) {
        if (batches.size() == 1) return batches.getFirst();
        List<Account> created = new ArrayList<>();
        Map<Id128, Account> updated = new LinkedHashMap<>();
        List<Transfer> transfers = new ArrayList<>();
        List<PendingResolution> resolutions = new ArrayList<>();
        List<FailedTransfer> failures = new ArrayList<>();
        List<AccountBalance> history = new ArrayList<>();
        long lastTimestamp = 0;
        for (LedgerChanges batch : batches) {
            created.addAll(batch.accountsCreated());
            for (Account account : batch.accountsUpdated()) updated.put(account.id(), account);
            transfers.addAll(batch.transfersCreated());
            resolutions.addAll(batch.pendingResolutions());
            failures.addAll(batch.transfersFailed());
            history.addAll(batch.balanceHistory());
            lastTimestamp = Math.max(lastTimestamp, batch.lastTimestamp());
        }
        return new LedgerChanges(created, List.copyOf(updated.values()), transfers, resolutions, failures, history,
                lastTimestamp);
    }

    /** What a batch costs to write, in rows: the measure the projector bounds its lag and its batches by. */
    static long rows(LoggedBatch batch) {
        LedgerChanges changes = batch.ledger();
        return batch.records().size() +  (long) changes.accountsCreated().size() + changes.accountsUpdated().size()
                + changes.transfersCreated().size() + changes.pendingResolutions().size()
                + changes.transfersFailed().size() + changes.balanceHistory().size() + 1;
    }
}
