package org.corridor.store;

import java.util.List;
import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountBalance;
import org.corridor.core.ledger.LedgerChanges;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.state.StateChanges;
import org.corridor.core.state.SwitchState;

/**
 * Where the ledger and the switch's objects are durable. One writer calls {@link #commit}; readers may call the lookups from any
 * thread and see only committed state.
 */
public interface LedgerStore extends AutoCloseable {

    /** {@code "sqlite"} or {@code "postgresql"}: for reports and benchmark lines. */
    String kind();

    /** Loads everything committed into a fresh state machine (accounts, transfers, statuses, burnt ids). */
    void restore(LedgerStateMachine machine);

    /**
     * Makes one batch's changes durable in ONE transaction (one synced append to the batch log) and
     * returns only once they are; the tables follow, and every read waits for them.
     *
     * @throws StoreException when the batch is not durable; the caller must then stop and rebuild
     */
    void commit(StateChanges changes);

    /** Makes a batch of the ledger alone durable: {@link #commit(StateChanges)} without objects. */
    default void commit(LedgerChanges changes) {
        commit(StateChanges.ofLedger(changes));
    }

    /** Loads every committed object (participants, payment intents, idempotency records…) into {@code state}. */
    void restoreRecords(SwitchState state);

    Optional<Account> lookupAccount(Id128 id);

    Optional<Transfer> lookupTransfer(Id128 id);

    /** Where a pending transfer stands; empty for an unknown id or a transfer that is not pending. */
    Optional<PendingStatus> lookupPendingStatus(Id128 id);

    /** An account's transfers, one page, ordered by timestamp. */
    List<Transfer> accountTransfers(AccountFilter filter);

    /** An account's balance history (accounts with the history flag), one page, ordered by timestamp. */
    List<AccountBalance> accountBalances(AccountFilter filter);

    /** Counts committed transfers (for reports). */
    long transferCount();

    @Override
    void close();
}
