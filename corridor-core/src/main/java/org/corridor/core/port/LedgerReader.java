package org.corridor.core.port;

import java.util.List;
import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.Transfer;

/** Committed ledger accounts and transfers, for showing balances and a payment's money movements. */
public interface LedgerReader {
    /** Transfers per {@link #transfers} call at most. */
    int TRANSFERS_PER_PAGE_MAX = 8190;

    Optional<Account> account(Id128 id);

    /** A committed transfer by id. */
    Optional<Transfer> transfer(Id128 id);

    /**
     * Up to {@code limit} (1 to {@link #TRANSFERS_PER_PAGE_MAX}) committed transfers that debit or credit
     * {@code accountId}, oldest first, from the timestamp {@code timestampMin} on (inclusive).
     */
    List<Transfer> transfers(Id128 accountId, long timestampMin, int limit);
}
