package org.corridor.core.ledger;

import static org.corridor.core.ledger.CreateTransferResult.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.corridor.core.Check;
import org.corridor.core.Id128;

/**
 * The ledger's state machine: accounts, transfers, two-phase reservations and linked chains, in memory.
 *
 * <p>It is deliberately single-threaded and deterministic. The caller (one writer thread) opens a batch
 * with the current time, applies commands, then drains the batch's {@link LedgerChanges} and makes them
 * durable before answering anyone. Checks run before any mutation, so a rejected event changes nothing;
 * within a linked chain an undo log takes back the chain's earlier events when a later one fails.
 */
public final class LedgerStateMachine {
    /** Events in one command, as TigerBeetle allows per request. */
    public static final int EVENTS_PER_COMMAND_MAX = 8190;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int MUTUALLY_EXCLUSIVE_PHASES = TransferFlags.PENDING | TransferFlags.POST_PENDING
            | TransferFlags.VOID_PENDING;
    private static final int RESOLVING = TransferFlags.POST_PENDING | TransferFlags.VOID_PENDING;
    private static final int BALANCING = TransferFlags.BALANCING_DEBIT | TransferFlags.BALANCING_CREDIT;
    private static final int CLOSING = TransferFlags.CLOSING_DEBIT | TransferFlags.CLOSING_CREDIT;

    private record Expiry(long expiresAt, Id128 transferId) implements Comparable<Expiry> {
        @Override
        public int compareTo(Expiry other) {
            int byTime = Long.compare(expiresAt, other.expiresAt);
            return byTime != 0 ? byTime : transferId.compareTo(other.transferId);
        }
    }

    private final Map<Id128, MutableAccount> accounts = new HashMap<>();
    private final Map<Id128, Transfer> transfers = new HashMap<>();
    private final Map<Id128, PendingStatus> pendingStatuses = new HashMap<>();
    private final Map<Id128, FailedTransfer> failures = new HashMap<>();
    private final TreeSet<Expiry> expiries = new TreeSet<>();
    private long lastTimestamp;
    private long batchNow;
    private boolean batchOpen;
    private boolean started;

    private final List<Account> accountsCreated = new ArrayList<>();
    private final Map<Id128, MutableAccount> accountsTouched = new LinkedHashMap<>();
    private final List<Transfer> transfersCreated = new ArrayList<>();
    private final List<PendingResolution> pendingResolutions = new ArrayList<>();
    private final List<FailedTransfer> transfersFailed = new ArrayList<>();
    private final List<AccountBalance> balanceHistory = new ArrayList<>();

    private final ArrayDeque<Runnable> undoLog = new ArrayDeque<>();
    private boolean inChain;
    private int markAccountsCreated;
    private int markTransfersCreated;
    private int markPendingResolutions;
    private int markBalanceHistory;
    private long markLastTimestamp;

    private final LinkedChains.Undo chainUndo = new LinkedChains.Undo() {
        @Override
        public void begin() {
            Check.that(!inChain && undoLog.isEmpty(), "a linked chain began inside another");
            inChain = true;
            markAccountsCreated = accountsCreated.size();
            markTransfersCreated = transfersCreated.size();
            markPendingResolutions = pendingResolutions.size();
            markBalanceHistory = balanceHistory.size();
            markLastTimestamp = lastTimestamp;
        }

        @Override
        public void commit() {
            undoLog.clear();
            inChain = false;
        }

        @Override
        public void rollback() {
            while (!undoLog.isEmpty()) {
                undoLog.pop().run();
            }
            truncate(accountsCreated, markAccountsCreated);
            truncate(transfersCreated, markTransfersCreated);
            truncate(pendingResolutions, markPendingResolutions);
            truncate(balanceHistory, markBalanceHistory);
            // A failed chain consumes no timestamps: nothing of it is durable, so a restart must not differ.
            lastTimestamp = markLastTimestamp;
            inChain = false;
        }
    };

    private static void truncate(List<?> list, int size) {
        list.subList(size, list.size()).clear();
    }

    // ---------------------------------------------------------------------------------------------------
    // Restoring from the store

    /** Loads a stored account, before the first batch. Balances are taken as stored; audit them after. */
    public void restoreAccount(Account account) {
        Check.that(!started, "restore after the first batch");
        Check.that(accounts.put(account.id(), new MutableAccount(account)) == null, "account restored twice");
        lastTimestamp = Math.max(lastTimestamp, account.timestamp());
    }

    /**
     * Loads a stored transfer, before the first batch.
     *
     * @param status where a pending transfer stands; ignored for other transfers
     */
    public void restoreTransfer(Transfer transfer, PendingStatus status) {
        Check.that(!started, "restore after the first batch");
        MutableAccount debit = accounts.get(transfer.debitAccountId());
        MutableAccount credit = accounts.get(transfer.creditAccountId());
        Check.that(debit != null && credit != null, "stored transfer " + transfer.id() + " names an unknown account");
        Transfer canonical = transfer.resolved(debit.id, credit.id, transfer.amount(), transfer.ledger(),
                transfer.code(), transfer.timestamp());
        Check.that(transfers.put(transfer.id(), canonical) == null, "transfer restored twice");
        if (transfer.has(TransferFlags.PENDING)) {
            Check.that(status != null, "stored pending transfer " + transfer.id() + " has no status");
            pendingStatuses.put(transfer.id(), status);
            if (status == PendingStatus.PENDING && transfer.timeoutSeconds() > 0) {
                expiries.add(new Expiry(expiresAt(canonical), transfer.id()));
            }
        }
        lastTimestamp = Math.max(lastTimestamp, transfer.timestamp());
    }

    /** Loads a stored burnt id, before the first batch. */
    public void restoreFailure(FailedTransfer failure) {
        Check.that(!started, "restore after the first batch");
        failures.put(failure.transfer().id(), failure);
    }

    /** Raises the clock floor to a stored value, so timestamps keep increasing across restarts. */
    public void restoreLastTimestamp(long timestamp) {
        lastTimestamp = Math.max(lastTimestamp, timestamp);
    }

    // ---------------------------------------------------------------------------------------------------
    // Batches

    /**
     * Opens a batch at {@code nowNanos} (the injected clock, in nanoseconds since the epoch) and expires
     * every pending transfer whose timeout has passed.
     */
    public void beginBatch(long nowNanos) {
        Check.that(!batchOpen, "a batch is already open");
        batchOpen = true;
        started = true;
        batchNow = nowNanos;
        while (!expiries.isEmpty() && expiries.first().expiresAt() <= nowNanos) {
            Expiry expiry = expiries.pollFirst();
            Transfer pending = transfers.get(expiry.transferId());
            Check.that(pendingStatuses.get(pending.id()) == PendingStatus.PENDING, "expiring a resolved transfer");
            release(pending);
            // An expiry is an event of its own: it gets a timestamp, so history accounts record it.
            recordHistory(accounts.get(pending.debitAccountId()), accounts.get(pending.creditAccountId()),
                    nextTimestamp());
            pendingStatuses.put(pending.id(), PendingStatus.EXPIRED);
            pendingResolutions.add(new PendingResolution(pending.id(), PendingStatus.EXPIRED));
        }
    }

    /** Closes the batch and hands over what it changed; the caller must make it durable before answering. */
    public LedgerChanges drainChanges() {
        Check.that(batchOpen && !inChain, "no batch to drain");
        List<Account> updated = new ArrayList<>(accountsTouched.size());
        for (MutableAccount account : accountsTouched.values()) {
            updated.add(account.snapshot());
        }
        LedgerChanges changes = new LedgerChanges(List.copyOf(accountsCreated), updated, List.copyOf(transfersCreated),
                List.copyOf(pendingResolutions), List.copyOf(transfersFailed), List.copyOf(balanceHistory),
                lastTimestamp);
        accountsCreated.clear();
        accountsTouched.clear();
        transfersCreated.clear();
        pendingResolutions.clear();
        transfersFailed.clear();
        balanceHistory.clear();
        batchOpen = false;
        return changes;
    }

    // ---------------------------------------------------------------------------------------------------
    // Commands

    /** Creates accounts; one result per event, in order. */
    public List<CreateAccountResult> createAccounts(List<Account> events) {
        checkCommand(events.size());
        return LinkedChains.apply(events, this::createAccount, a -> a.has(AccountFlags.LINKED),
                CreateAccountResult::created, CreateAccountResult.LINKED_EVENT_FAILED,
                CreateAccountResult.LINKED_EVENT_CHAIN_OPEN, chainUndo);
    }

    /** Creates transfers; one result per event, in order. */
    public List<CreateTransferResult> createTransfers(List<Transfer> events) {
        checkCommand(events.size());
        return LinkedChains.apply(events, this::createTransferBurningFailures, t -> t.has(TransferFlags.LINKED),
                CreateTransferResult::applied, LINKED_EVENT_FAILED, LINKED_EVENT_CHAIN_OPEN, chainUndo);
    }

    /**
     * Burns the id as soon as the event fails, so that a later event of the same command cannot reuse it. The
     * failure is kept outside the undo log: a chain's rollback must not take back the record of its failure.
     */
    private CreateTransferResult createTransferBurningFailures(Transfer event) {
        CreateTransferResult result = createTransfer(event);
        if (result.burnsId() && !failures.containsKey(event.id())) {
            FailedTransfer failure = new FailedTransfer(event, result);
            failures.put(event.id(), failure);
            transfersFailed.add(failure);
        }
        return result;
    }

    private void checkCommand(int events) {
        Check.that(batchOpen, "commands go inside a batch");
        Check.that(events <= EVENTS_PER_COMMAND_MAX, "a command holds at most " + EVENTS_PER_COMMAND_MAX + " events");
    }

    private CreateAccountResult createAccount(Account a) {
        if (a.timestamp() != 0) return CreateAccountResult.TIMESTAMP_MUST_BE_ZERO;
        if ((a.flags() & ~AccountFlags.KNOWN) != 0) return CreateAccountResult.RESERVED_FLAG;
        if (a.id().isZero()) return CreateAccountResult.ID_MUST_NOT_BE_ZERO;
        if (a.id().isMax()) return CreateAccountResult.ID_MUST_NOT_BE_INT_MAX;
        MutableAccount existing = accounts.get(a.id());
        if (existing != null) return AccountComparison.compare(a, existing);
        if (a.has(AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS) && a.has(AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS)) {
            return CreateAccountResult.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
        }
        if (a.debitsPending() != 0 || a.debitsPosted() != 0 || a.creditsPending() != 0 || a.creditsPosted() != 0) {
            return CreateAccountResult.BALANCES_MUST_BE_ZERO;
        }
        if (a.ledger() == 0) return CreateAccountResult.LEDGER_MUST_NOT_BE_ZERO;
        if (a.code() == 0) return CreateAccountResult.CODE_MUST_NOT_BE_ZERO;

        Account created = new Account(a.id(), a.userData(), a.ledger(), a.code(), a.flags(), 0, 0, 0, 0,
                nextTimestamp());
        accounts.put(created.id(), new MutableAccount(created));
        accountsCreated.add(created);
        if (inChain) {
            undoLog.push(() -> accounts.remove(created.id()));
        }
        return CreateAccountResult.OK;
    }

    private CreateTransferResult createTransfer(Transfer t) {
        if (t.timestamp() != 0) return TIMESTAMP_MUST_BE_ZERO;
        if ((t.flags() & ~TransferFlags.KNOWN) != 0) return RESERVED_FLAG;
        if (t.id().isZero()) return ID_MUST_NOT_BE_ZERO;
        if (t.id().isMax()) return ID_MUST_NOT_BE_INT_MAX;
        Transfer existing = transfers.get(t.id());
        if (existing != null) return TransferComparison.compare(t, existing);
        FailedTransfer failed = failures.get(t.id());
        if (failed != null) return sameCommand(failed.transfer(), t) ? failed.result() : ID_ALREADY_FAILED;
        if (Integer.bitCount(t.flags() & MUTUALLY_EXCLUSIVE_PHASES) > 1) return FLAGS_ARE_MUTUALLY_EXCLUSIVE;
        if ((t.flags() & RESOLVING) != 0) {
            if ((t.flags() & (BALANCING | CLOSING)) != 0) return FLAGS_ARE_MUTUALLY_EXCLUSIVE;
            return postOrVoid(t);
        }
        if (t.debitAccountId().isZero()) return DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO;
        if (t.debitAccountId().isMax()) return DEBIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX;
        if (t.creditAccountId().isZero()) return CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO;
        if (t.creditAccountId().isMax()) return CREDIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX;
        if (t.debitAccountId().equals(t.creditAccountId())) return ACCOUNTS_MUST_BE_DIFFERENT;
        if (!t.pendingId().isZero()) return PENDING_ID_MUST_BE_ZERO;
        boolean pending = t.has(TransferFlags.PENDING);
        if (!pending && t.timeoutSeconds() != 0) return TIMEOUT_RESERVED_FOR_PENDING_TRANSFER;
        if (t.timeoutSeconds() < 0) return TIMEOUT_MUST_NOT_BE_NEGATIVE;
        if (!pending && (t.flags() & CLOSING) != 0) return CLOSING_TRANSFER_MUST_BE_PENDING;
        if (t.amount() < 0) return AMOUNT_MUST_NOT_BE_NEGATIVE;
        if (t.amount() == 0) return AMOUNT_MUST_NOT_BE_ZERO;
        if (t.ledger() == 0) return LEDGER_MUST_NOT_BE_ZERO;
        if (t.code() == 0) return CODE_MUST_NOT_BE_ZERO;
        MutableAccount debit = accounts.get(t.debitAccountId());
        if (debit == null) return DEBIT_ACCOUNT_NOT_FOUND;
        MutableAccount credit = accounts.get(t.creditAccountId());
        if (credit == null) return CREDIT_ACCOUNT_NOT_FOUND;
        if (debit.ledger != credit.ledger) return ACCOUNTS_MUST_HAVE_THE_SAME_LEDGER;
        if (t.ledger() != debit.ledger) return TRANSFER_MUST_HAVE_THE_SAME_LEDGER_AS_ACCOUNTS;
        if (debit.has(AccountFlags.CLOSED)) return DEBIT_ACCOUNT_ALREADY_CLOSED;
        if (credit.has(AccountFlags.CLOSED)) return CREDIT_ACCOUNT_ALREADY_CLOSED;

        long amount = t.amount();
        if (t.has(TransferFlags.BALANCING_DEBIT)) {
            amount = Math.min(amount, headroom(debit.creditsPosted, debit.debitsPending, debit.debitsPosted));
        }
        if (t.has(TransferFlags.BALANCING_CREDIT)) {
            amount = Math.min(amount, headroom(credit.debitsPosted, credit.creditsPending, credit.creditsPosted));
        }
        if (pending) {
            if (overflows(debit.debitsPending, amount)) return OVERFLOWS_DEBITS_PENDING;
            if (overflows(credit.creditsPending, amount)) return OVERFLOWS_CREDITS_PENDING;
        } else {
            if (overflows(debit.debitsPosted, amount)) return OVERFLOWS_DEBITS_POSTED;
            if (overflows(credit.creditsPosted, amount)) return OVERFLOWS_CREDITS_POSTED;
        }
        if (overflows(debit.debitsPending, debit.debitsPosted, amount)) return OVERFLOWS_DEBITS;
        if (overflows(credit.creditsPending, credit.creditsPosted, amount)) return OVERFLOWS_CREDITS;
        long timestamp = Math.max(batchNow, lastTimestamp + 1);
        if (pending && overflows(timestamp, (long) t.timeoutSeconds() * NANOS_PER_SECOND)) return OVERFLOWS_TIMEOUT;
        if (amount == 0) {
            // Only a balancing transfer gets here: it found nothing left to move.
            boolean debitSideEmpty = t.has(TransferFlags.BALANCING_DEBIT)
                    && headroom(debit.creditsPosted, debit.debitsPending, debit.debitsPosted) == 0;
            return debitSideEmpty ? EXCEEDS_CREDITS : EXCEEDS_DEBITS;
        }
        if (debit.has(AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS)
                && debit.debitsPending + debit.debitsPosted + amount > debit.creditsPosted) {
            return EXCEEDS_CREDITS;
        }
        if (credit.has(AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS)
                && credit.creditsPending + credit.creditsPosted + amount > credit.debitsPosted) {
            return EXCEEDS_DEBITS;
        }

        Transfer stored = t.resolved(debit.id, credit.id, amount, t.ledger(), t.code(), nextTimestamp());
        saveForUndo(debit);
        saveForUndo(credit);
        if (pending) {
            debit.debitsPending += amount;
            credit.creditsPending += amount;
            if (t.has(TransferFlags.CLOSING_DEBIT)) debit.flags |= AccountFlags.CLOSED;
            if (t.has(TransferFlags.CLOSING_CREDIT)) credit.flags |= AccountFlags.CLOSED;
            setPendingStatus(stored.id(), PendingStatus.PENDING);
            if (t.timeoutSeconds() > 0) addExpiry(new Expiry(expiresAt(stored), stored.id()));
        } else {
            debit.debitsPosted += amount;
            credit.creditsPosted += amount;
        }
        record(stored, debit, credit);
        return OK;
    }

    /**
     * True when a retry repeats a burnt command. LINKED only says where the event stood in its command, so
     * it is ignored, as it is when a retry meets a transfer that exists.
     */
    private static boolean sameCommand(Transfer burnt, Transfer retry) {
        return burnt.withFlags(burnt.flags() & ~TransferFlags.LINKED)
                .equals(retry.withFlags(retry.flags() & ~TransferFlags.LINKED));
    }

    private CreateTransferResult postOrVoid(Transfer t) {
        boolean post = t.has(TransferFlags.POST_PENDING);
        if (t.debitAccountId().isMax()) return DEBIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX;
        if (t.creditAccountId().isMax()) return CREDIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX;
        if (!t.debitAccountId().isZero() && t.debitAccountId().equals(t.creditAccountId())) {
            return ACCOUNTS_MUST_BE_DIFFERENT;
        }
        if (t.pendingId().isZero()) return PENDING_ID_MUST_NOT_BE_ZERO;
        if (t.pendingId().isMax()) return PENDING_ID_MUST_NOT_BE_INT_MAX;
        if (t.pendingId().equals(t.id())) return PENDING_ID_MUST_BE_DIFFERENT;
        if (t.timeoutSeconds() != 0) return TIMEOUT_RESERVED_FOR_PENDING_TRANSFER;
        if (t.amount() < 0) return AMOUNT_MUST_NOT_BE_NEGATIVE;
        Transfer p = transfers.get(t.pendingId());
        if (p == null) return PENDING_TRANSFER_NOT_FOUND;
        if (!p.has(TransferFlags.PENDING)) return PENDING_TRANSFER_NOT_PENDING;
        if (!t.debitAccountId().isZero() && !t.debitAccountId().equals(p.debitAccountId())) {
            return PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID;
        }
        if (!t.creditAccountId().isZero() && !t.creditAccountId().equals(p.creditAccountId())) {
            return PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID;
        }
        if (t.ledger() != 0 && t.ledger() != p.ledger()) return PENDING_TRANSFER_HAS_DIFFERENT_LEDGER;
        if (t.code() != 0 && t.code() != p.code()) return PENDING_TRANSFER_HAS_DIFFERENT_CODE;
        if (post && t.amount() > p.amount()) return EXCEEDS_PENDING_TRANSFER_AMOUNT;
        if (!post && t.amount() != 0 && t.amount() != p.amount()) return PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT;
        PendingStatus status = pendingStatuses.get(p.id());
        if (status == PendingStatus.POSTED) return PENDING_TRANSFER_ALREADY_POSTED;
        if (status == PendingStatus.VOIDED) return PENDING_TRANSFER_ALREADY_VOIDED;
        long timestamp = Math.max(batchNow, lastTimestamp + 1);
        if (status == PendingStatus.EXPIRED || p.timeoutSeconds() > 0 && expiresAt(p) <= timestamp) {
            return PENDING_TRANSFER_EXPIRED;
        }
        Check.that(status == PendingStatus.PENDING, "pending transfer without a status");
        MutableAccount debit = accounts.get(p.debitAccountId());
        MutableAccount credit = accounts.get(p.creditAccountId());
        if (post && debit.has(AccountFlags.CLOSED) && !p.has(TransferFlags.CLOSING_DEBIT)) {
            return DEBIT_ACCOUNT_ALREADY_CLOSED;
        }
        if (post && credit.has(AccountFlags.CLOSED) && !p.has(TransferFlags.CLOSING_CREDIT)) {
            return CREDIT_ACCOUNT_ALREADY_CLOSED;
        }
        long amount = post ? (t.amount() == 0 ? p.amount() : t.amount()) : p.amount();
        if (post && overflows(debit.debitsPosted, amount)) return OVERFLOWS_DEBITS_POSTED;
        if (post && overflows(credit.creditsPosted, amount)) return OVERFLOWS_CREDITS_POSTED;

        Transfer stored = t.resolved(debit.id, credit.id, amount, p.ledger(), p.code(), nextTimestamp());
        saveForUndo(debit);
        saveForUndo(credit);
        release(p);
        if (post) {
            debit.debitsPosted += amount;
            credit.creditsPosted += amount;
            // A posted closing transfer leaves its account closed for good.
            if (p.has(TransferFlags.CLOSING_DEBIT)) debit.flags |= AccountFlags.CLOSED;
            if (p.has(TransferFlags.CLOSING_CREDIT)) credit.flags |= AccountFlags.CLOSED;
        }
        PendingStatus resolvedTo = post ? PendingStatus.POSTED : PendingStatus.VOIDED;
        setPendingStatus(p.id(), resolvedTo);
        removeExpiry(p);
        pendingResolutions.add(new PendingResolution(p.id(), resolvedTo));
        record(stored, debit, credit);
        return OK;
    }

    /** Takes back a pending transfer's reservation, reopening accounts it closed. */
    private void release(Transfer pending) {
        MutableAccount debit = accounts.get(pending.debitAccountId());
        MutableAccount credit = accounts.get(pending.creditAccountId());
        debit.debitsPending -= pending.amount();
        credit.creditsPending -= pending.amount();
        Check.that(debit.debitsPending >= 0 && credit.creditsPending >= 0, "pending balance went negative");
        if (pending.has(TransferFlags.CLOSING_DEBIT)) debit.flags &= ~AccountFlags.CLOSED;
        if (pending.has(TransferFlags.CLOSING_CREDIT)) credit.flags &= ~AccountFlags.CLOSED;
        touch(debit);
        touch(credit);
    }

    private void record(Transfer stored, MutableAccount debit, MutableAccount credit) {
        transfers.put(stored.id(), stored);
        transfersCreated.add(stored);
        touch(debit);
        touch(credit);
        recordHistory(debit, credit, stored.timestamp());
        if (inChain) {
            undoLog.push(() -> transfers.remove(stored.id()));
        }
    }

    /** Lists the account among the batch's updates; a chain's rollback takes the listing back with the change. */
    private void touch(MutableAccount account) {
        if (accountsTouched.put(account.id, account) == null && inChain) {
            undoLog.push(() -> accountsTouched.remove(account.id));
        }
    }

    /** Balances after a transfer or an expiry, for the accounts that keep history. */
    private void recordHistory(MutableAccount debit, MutableAccount credit, long at) {
        if (debit.has(AccountFlags.HISTORY)) balanceHistory.add(debit.balanceAt(at, true));
        if (credit.has(AccountFlags.HISTORY)) balanceHistory.add(credit.balanceAt(at, false));
    }

    private void saveForUndo(MutableAccount account) {
        if (inChain) undoLog.push(account.restorer());
    }

    private void setPendingStatus(Id128 id, PendingStatus status) {
        PendingStatus previous = pendingStatuses.put(id, status);
        if (inChain) {
            undoLog.push(() -> {
                if (previous == null) pendingStatuses.remove(id);
                else pendingStatuses.put(id, previous);
            });
        }
    }

    private void addExpiry(Expiry expiry) {
        expiries.add(expiry);
        if (inChain) undoLog.push(() -> expiries.remove(expiry));
    }

    private void removeExpiry(Transfer pending) {
        if (pending.timeoutSeconds() == 0) return;
        Expiry expiry = new Expiry(expiresAt(pending), pending.id());
        if (expiries.remove(expiry) && inChain) undoLog.push(() -> expiries.add(expiry));
    }

    private long nextTimestamp() {
        lastTimestamp = Math.max(batchNow, lastTimestamp + 1);
        return lastTimestamp;
    }

    private static long expiresAt(Transfer pending) {
        return pending.timestamp() + pending.timeoutSeconds() * NANOS_PER_SECOND;
    }

    /** How much more may be debited (or credited) before the opposite posted side is exceeded; never negative. */
    private static long headroom(long oppositePosted, long samePending, long samePosted) {
        return Math.max(0, oppositePosted - samePending - samePosted);
    }

    private static boolean overflows(long balance, long amount) {
        return balance > Long.MAX_VALUE - amount;
    }

    private static boolean overflows(long pending, long posted, long amount) {
        return overflows(pending, posted) || overflows(pending + posted, amount);
    }

    // ---------------------------------------------------------------------------------------------------
    // Reads (for the writer thread, tests and the audit; the API reads committed state from the store)

    public Optional<Account> account(Id128 id) {
        MutableAccount account = accounts.get(id);
        return account == null ? Optional.empty() : Optional.of(account.snapshot());
    }

    public Optional<Transfer> transfer(Id128 id) {
        return Optional.ofNullable(transfers.get(id));
    }

    public Optional<PendingStatus> pendingStatus(Id128 id) {
        return Optional.ofNullable(pendingStatuses.get(id));
    }

    /** Snapshots of every account, in no particular order. */
    public List<Account> accounts() {
        List<Account> all = new ArrayList<>(accounts.size());
        for (MutableAccount account : accounts.values()) all.add(account.snapshot());
        return all;
    }

    /** Every transfer, in no particular order. */
    public Collection<Transfer> transfers() {
        return java.util.Collections.unmodifiableCollection(transfers.values());
    }

    public int transferCount() {
        return transfers.size();
    }

    public long lastTimestamp() {
        return lastTimestamp;
    }
}
