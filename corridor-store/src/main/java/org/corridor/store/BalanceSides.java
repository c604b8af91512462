package org.corridor.store;

import java.util.List;
import org.corridor.core.Check;
import org.corridor.core.ledger.AccountBalance;
import org.corridor.core.ledger.Transfer;

/**
 * Tells, for each balance-history row of a batch, whether its account was the debit side of the transfer
 * it follows. The row is stored with that side so an account's statement can be filtered to debits or
 * credits without joining the transfers.
 */
final class BalanceSides {
    private BalanceSides() {}

    /**
     * One answer per row of {@code history}. Both lists come from one batch in timestamp order, and each
     * history row carries the timestamp of a transfer of that batch, so one walk over both suffices.
     */
    static boolean[] debited(List<AccountBalance> history, List<Transfer> transfersCreated) {
        boolean[] debited = new boolean[history.size()];
        int next = 0;
        for (int i = 0; i < history.size(); i++) {
            AccountBalance row = history.get(i);
            while (next < transfersCreated.size() && transfersCreated.get(next).timestamp() < row.timestamp()) {
                next++;
            }
            Check.that(next < transfersCreated.size() && transfersCreated.get(next).timestamp() == row.timestamp(),
                    "balance history at " + row.timestamp() + " follows no transfer of its batch");
            Transfer transfer = transfersCreated.get(next);
            debited[i] = transfer.debitAccountId().equals(row.accountId());
            Check.that(debited[i] || transfer.creditAccountId().equals(row.accountId()),
                    "balance history of " + row.accountId() + " follows transfer " + transfer.id() + " of others");
        }
        return debited;
    }
}
