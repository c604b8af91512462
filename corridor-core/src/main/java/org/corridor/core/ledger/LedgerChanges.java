package org.corridor.core.ledger;

import java.util.List;

/**
 * Everything one batch of commands changed, for the store to write in one durable transaction.
 *
 * @param accountsCreated new accounts as created (zero balances)
 * @param accountsUpdated every account whose balances or flags changed, as they stand after the batch
 * @param transfersCreated new transfers with their assigned timestamps and resolved amounts
 * @param pendingResolutions pending transfers that were posted, voided or expired
 * @param transfersFailed transfer ids burnt by a failure that depended on ledger state
 * @param balanceHistory balances after each transfer, for accounts that keep history
 * @param lastTimestamp the highest timestamp assigned so far
 */
public record LedgerChanges(
        List<Account> accountsCreated,
        List<Account> accountsUpdated,
        List<Transfer> transfersCreated,
        List<PendingResolution> pendingResolutions,
        List<FailedTransfer> transfersFailed,
        List<AccountBalance> balanceHistory,
        long lastTimestamp) {

    public boolean isEmpty() {
        return accountsCreated.isEmpty() && accountsUpdated.isEmpty() && transfersCreated.isEmpty()
                && pendingResolutions.isEmpty() && transfersFailed.isEmpty() && balanceHistory.isEmpty();
    }
}
