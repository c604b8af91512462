package org.corridor.core.port;

import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;

/** Committed ledger accounts, for showing balances. */
public interface LedgerReader {
    Optional<Account> account(Id128 id);
}
