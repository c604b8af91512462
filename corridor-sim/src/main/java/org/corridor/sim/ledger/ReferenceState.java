package org.corridor.sim.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountBalance;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.PendingResolution;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;

/**
 * Everything a linked chain may change, as maps and lists of immutable records.
 *
 * <p>A chain runs on a {@link #draft()}: a copy of the state that is made lazily, entry by entry. Reads fall
 * through to the original for anything the draft has not written; writes stay in the draft. If the whole
 * chain succeeds, {@link #commit(ReferenceState)} copies the draft's writes into the original; if not, the
 * draft is simply dropped. Either way the original is never half-changed, so no undo logic is needed, and
 * the cost is that of the chain rather than of the whole ledger.
 *
 * <p>Nothing is ever removed: accounts and transfers are only added or replaced, and the journals (transfers,
 * resolutions and history rows, in the order they happened) are only appended to.
 */
final class ReferenceState {
    /** The state this draft reads through to; null for the ledger's own state. */
    private final ReferenceState original;
    private final Map<Id128, Account> accounts = new LinkedHashMap<>();
    private final Map<Id128, Transfer> transfers = new HashMap<>();
    private final Map<Id128, PendingStatus> pendingStatuses = new LinkedHashMap<>();
    private final List<Transfer> transferJournal = new ArrayList<>();
    private final List<PendingResolution> resolutions = new ArrayList<>();
    private final List<AccountBalance> history = new ArrayList<>();

    ReferenceState() {
        this(null);
    }

    private ReferenceState(ReferenceState original) {
        this.original = original;
    }

    ReferenceState draft() {
        if (original != null) throw new IllegalStateException("a draft of a draft: chains do not nest");
        return new ReferenceState(this);
    }

    /** Makes the draft's writes part of this state. */
    void commit(ReferenceState draft) {
        if (draft.original != this) throw new IllegalStateException("not a draft of this state");
        accounts.putAll(draft.accounts);
        transfers.putAll(draft.transfers);
        pendingStatuses.putAll(draft.pendingStatuses);
        transferJournal.addAll(draft.transferJournal);
        resolutions.addAll(draft.resolutions);
        history.addAll(draft.history);
    }

    Account account(Id128 id) {
        Account own = accounts.get(id);
        return own != null || original == null ? own : original.account(id);
    }

    Transfer transfer(Id128 id) {
        Transfer own = transfers.get(id);
        return own != null || original == null ? own : original.transfer(id);
    }

    PendingStatus pendingStatus(Id128 id) {
        PendingStatus own = pendingStatuses.get(id);
        return own != null || original == null ? own : original.pendingStatus(id);
    }

    void putAccount(Account account) {
        accounts.put(account.id(), account);
    }

    /** Stores a new transfer. */
    void addTransfer(Transfer transfer) {
        if (transfer(transfer.id()) != null) throw new IllegalStateException("transfer stored twice: " + transfer);
        transfers.put(transfer.id(), transfer);
        transferJournal.add(transfer);
    }

    void reserve(Id128 pendingId) {
        pendingStatuses.put(pendingId, PendingStatus.PENDING);
    }

    void resolve(Id128 pendingId, PendingStatus status) {
        pendingStatuses.put(pendingId, status);
        resolutions.add(new PendingResolution(pendingId, status));
    }

    /** Adds to an account's four balances; a sum past a long is a bug in the model, so it throws. */
    void addBalances(Id128 accountId, long debitsPending, long debitsPosted, long creditsPending,
            long creditsPosted) {
        Account a = account(accountId);
        putAccount(new Account(a.id(), a.userData(), a.ledger(), a.code(), a.flags(),
                Math.addExact(a.debitsPending(), debitsPending), Math.addExact(a.debitsPosted(), debitsPosted),
                Math.addExact(a.creditsPending(), creditsPending), Math.addExact(a.creditsPosted(), creditsPosted),
                a.timestamp()));
    }

    void setClosed(Id128 accountId, boolean closed) {
        Account a = account(accountId);
        int flags = closed ? a.flags() | AccountFlags.CLOSED : a.flags() & ~AccountFlags.CLOSED;
        putAccount(new Account(a.id(), a.userData(), a.ledger(), a.code(), flags, a.debitsPending(),
                a.debitsPosted(), a.creditsPending(), a.creditsPosted(), a.timestamp()));
    }

    /** Records the account's balances as they stand, if it keeps history. */
    void recordHistory(Id128 accountId, long timestamp, boolean debited) {
        Account account = account(accountId);
        if (account.has(AccountFlags.HISTORY)) {
            history.add(new AccountBalance(account.id(), timestamp, debited, account.debitsPending(),
                    account.debitsPosted(), account.creditsPending(), account.creditsPosted()));
        }
    }

    // Whole-state reads, for the ledger's own state (a draft would see only its own writes).

    /** Every account, in the order they were created. */
    Collection<Account> accounts() {
        return Collections.unmodifiableCollection(accounts.values());
    }

    /** Ids of every reservation still pending, in the order they were made. */
    List<Id128> stillPending() {
        List<Id128> pending = new ArrayList<>();
        pendingStatuses.forEach((id, status) -> {
            if (status == PendingStatus.PENDING) pending.add(id);
        });
        return pending;
    }

    List<Transfer> transferJournal() {
        return Collections.unmodifiableList(transferJournal);
    }

    List<PendingResolution> resolutions() {
        return Collections.unmodifiableList(resolutions);
    }

    List<AccountBalance> history() {
        return Collections.unmodifiableList(history);
    }
}
