package org.corridor.sim.ledger;

import static org.corridor.core.ledger.CreateTransferResult.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountBalance;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.CreateAccountResult;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.FailedTransfer;
import org.corridor.core.ledger.PendingResolution;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;

/**
 * A deliberately plain model of the ledger's semantics, to check the engine against.
 *
 * <p>It answers the same commands as {@code LedgerStateMachine} but shares none of its code: state is a few
 * maps of immutable records; a linked chain runs on a copy-on-write draft of the state that is merged in only
 * if every event of the chain succeeds ({@link ReferenceState}); and the answer to a command is the first
 * declared failure among all that apply ({@link Precedence}). It favours being obviously right over being fast.
 *
 * <p>Burnt ids live outside the state that chains draft, on purpose, because a failed chain does not take
 * them back: a state-dependent failure answers the same forever, even when the chain around it failed. The
 * clock is taken back with a failed chain, so that a command which changed nothing durable consumed no
 * timestamps either (a restart from the store then continues with exactly the same timestamps).
 */
public final class ReferenceLedger {
    /**
     * Failures that depend on the ledger's state rather than on the command alone. They burn the id: the same
     * command answers the same forever, and any other command with that id gets {@code ID_ALREADY_FAILED}.
     */
    private static final Set<CreateTransferResult> BURNING = EnumSet.of(DEBIT_ACCOUNT_NOT_FOUND,
            CREDIT_ACCOUNT_NOT_FOUND, PENDING_TRANSFER_NOT_FOUND, DEBIT_ACCOUNT_ALREADY_CLOSED,
            CREDIT_ACCOUNT_ALREADY_CLOSED, OVERFLOWS_DEBITS_PENDING, OVERFLOWS_CREDITS_PENDING,
            OVERFLOWS_DEBITS_POSTED, OVERFLOWS_CREDITS_POSTED, OVERFLOWS_DEBITS, OVERFLOWS_CREDITS, OVERFLOWS_TIMEOUT,
            EXCEEDS_CREDITS, EXCEEDS_DEBITS);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ReferenceState state = new ReferenceState();
    private final Map<Id128, FailedTransfer> burnt = new HashMap<>();
    private final List<FailedTransfer> burntJournal = new ArrayList<>();
    private long nowNanos;
    private long lastTimestamp;

    /** Sets the clock for the commands that follow and expires every reservation whose timeout has passed. */
    public void beginBatch(long newNowNanos) {
        nowNanos = newNowNanos;
        // Expiries are events: oldest deadline first (ties by id), each with a timestamp of its own.
        List<Transfer> expired = new ArrayList<>();
        for (Id128 id : state.stillPending()) {
            Transfer pending = state.transfer(id);
            if (pending.timeoutSeconds() > 0 && expiresAt(pending) <= nowNanos) expired.add(pending);
        }
        expired.sort(Comparator.comparingLong(ReferenceLedger::expiresAt).thenComparing(Transfer::id));
        for (Transfer pending : expired) {
            TransferEffects.release(state, pending, true);
            long timestamp = takeTimestamp();
            state.recordHistory(pending.debitAccountId(), timestamp, true);
            state.recordHistory(pending.creditAccountId(), timestamp, false);
            state.resolve(pending.id(), PendingStatus.EXPIRED);
        }
    }

    private static long expiresAt(Transfer pending) {
        return pending.timestamp() + pending.timeoutSeconds() * NANOS_PER_SECOND;
    }

    /** Creates accounts; one answer per event, in order. */
    public List<CreateAccountResult> createAccounts(List<Account> events) {
        return applyCommand(events, a -> a.has(AccountFlags.LINKED), this::createAccount,
                r -> r == CreateAccountResult.OK || r == CreateAccountResult.EXISTS,
                CreateAccountResult.LINKED_EVENT_FAILED, CreateAccountResult.LINKED_EVENT_CHAIN_OPEN);
    }

    /** Creates transfers; one answer per event, in order. */
    public List<CreateTransferResult> createTransfers(List<Transfer> events) {
        return applyCommand(events, t -> t.has(TransferFlags.LINKED), this::createTransfer,
                r -> r == OK || r == EXISTS, LINKED_EVENT_FAILED, LINKED_EVENT_CHAIN_OPEN);
    }

    /**
     * Runs a command's events in order. A chain (linked events up to and including the first unlinked one, or
     * up to the end of the command) runs on a draft of the state, which is committed only if every event of
     * the chain succeeded. Otherwise the failing event keeps its answer and the others in the chain get
     * {@code failed}; a chain still linked at the end of the command fails on its last event with {@code open}.
     */
    private <E, R> List<R> applyCommand(List<E> events, Predicate<E> linked,
            BiFunction<ReferenceState, E, R> applyOne, Predicate<R> succeeded, R failed, R open) {
        List<R> results = new ArrayList<>(events.size());
        int start = 0;
        while (start < events.size()) {
            if (!linked.test(events.get(start))) {
                results.add(applyOne.apply(state, events.get(start)));
                start++;
                continue;
            }
            int end = start;
            while (end < events.size() - 1 && linked.test(events.get(end))) end++;
            boolean leftOpen = linked.test(events.get(end));
            ReferenceState draft = state.draft();
            long clockBeforeChain = lastTimestamp;
            List<R> chainResults = new ArrayList<>();
            int failedAt = -1;
            for (int i = start; i <= end && failedAt < 0; i++) {
                R result = leftOpen && i == end ? open : applyOne.apply(draft, events.get(i));
                chainResults.add(result);
                if (!succeeded.test(result)) failedAt = i;
            }
            if (failedAt < 0) {
                state.commit(draft);
                results.addAll(chainResults);
            } else {
                lastTimestamp = clockBeforeChain;
                for (int i = start; i <= end; i++) results.add(i == failedAt ? chainResults.getLast() : failed);
            }
            start = end + 1;
        }
        return results;
    }

    private CreateAccountResult createAccount(ReferenceState target, Account command) {
        CreateAccountResult result = AccountJudgement.answer(target, command);
        if (result == CreateAccountResult.OK) {
            long timestamp = takeTimestamp();
            target.putAccount(new Account(command.id(), command.userData(), command.ledger(),
                    command.code(), command.flags(), 0, 0, 0, 0, timestamp));
        }
        return result;
    }

    private CreateTransferResult createTransfer(ReferenceState target, Transfer command) {
        TransferJudgement judged = new TransferJudgement(target, burnt, command, nextTimestamp());
        if (judged.result == OK) TransferEffects.apply(target, judged, takeTimestamp());
        if (BURNING.contains(judged.result) && !burnt.containsKey(command.id())) {
            FailedTransfer failure = new FailedTransfer(command, judged.result);
            burnt.put(command.id(), failure);
            burntJournal.add(failure);
        }
        return judged.result;
    }

    /** The timestamp the next accepted event gets: the batch clock, unless that would not move time forward. */
    private long nextTimestamp() {
        return Math.max(nowNanos, lastTimestamp + 1);
    }

    private long takeTimestamp() {
        lastTimestamp = nextTimestamp();
        return lastTimestamp;
    }

    public Optional<Account> account(Id128 id) {
        return Optional.ofNullable(state.account(id));
    }

    /** Every account as it now stands, in the order they were created. */
    public List<Account> accounts() {
        return List.copyOf(state.accounts());
    }

    public Optional<Transfer> transfer(Id128 id) {
        return Optional.ofNullable(state.transfer(id));
    }

    /** Every transfer, in the order they were created: a read-only view that grows as the ledger does. */
    public List<Transfer> transfers() {
        return state.transferJournal();
    }

    public Optional<PendingStatus> pendingStatus(Id128 id) {
        return Optional.ofNullable(state.pendingStatus(id));
    }

    /** Every post, void and expiry of a reservation, in the order they happened: a read-only, growing view. */
    public List<PendingResolution> resolutions() {
        return state.resolutions();
    }

    /** Every burnt id, in the order it burnt: a read-only, growing view. */
    public List<FailedTransfer> failures() {
        return Collections.unmodifiableList(burntJournal);
    }

    /** Balances after each transfer, for accounts that keep history: a read-only, growing view. */
    public List<AccountBalance> history() {
        return state.history();
    }

    public long lastTimestamp() {
        return lastTimestamp;
    }
}
