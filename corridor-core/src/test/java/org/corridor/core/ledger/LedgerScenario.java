package org.corridor.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.corridor.core.Id128;

/**
 * A small ledger for tests: a state machine with a handful of named accounts and a clock the test moves.
 *
 * <p>Every command runs in a batch of its own (begin, apply, drain), as the writer thread runs them, and
 * the batch's changes are kept for the test to inspect.
 */
final class LedgerScenario {
    static final int DOLLARS = 840;
    static final int EUROS = 978;
    static final int PAYMENT = 1;
    static final int WALLET_CODE = 10;
    static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** 2024-01-01T00:00:00Z: a realistic clock, far from both zero and overflow. */
    static final long START_NANOS = 1_704_067_200L * NANOS_PER_SECOND;

    /** Plain dollar accounts without limits. */
    static final Id128 ALICE = Id128.of(1);
    static final Id128 BOB = Id128.of(2);
    static final Id128 CAROL = Id128.of(3);
    /** A dollar wallet whose debits may not exceed its credits. */
    static final Id128 WALLET = Id128.of(4);
    /** A dollar account whose credits may not exceed its debits. */
    static final Id128 CREDIT_LINE = Id128.of(5);
    /** A euro account, on another ledger than everyone else. */
    static final Id128 EURO_ACCOUNT = Id128.of(6);
    /** A dollar account that keeps its balance history. */
    static final Id128 STATEMENT = Id128.of(7);
    /** Never created. */
    static final Id128 UNKNOWN = Id128.of(99);

    private final LedgerStateMachine machine = new LedgerStateMachine();
    private long nowNanos;
    private LedgerChanges lastChanges;

    LedgerScenario() {
        this(START_NANOS);
    }

    LedgerScenario(long startNanos) {
        nowNanos = startNanos;
        List<CreateAccountResult> results = createAccounts(
                account(ALICE, 0), account(BOB, 0), account(CAROL, 0),
                account(WALLET, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS),
                account(CREDIT_LINE, AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS),
                Account.open(EURO_ACCOUNT, EUROS, WALLET_CODE, 0, Id128.ZERO),
                account(STATEMENT, AccountFlags.HISTORY));
        assertThat(results).containsOnly(CreateAccountResult.OK);
    }

    /** A create command for a dollar wallet account. */
    static Account account(Id128 id, int flags) {
        return Account.open(id, DOLLARS, WALLET_CODE, flags, Id128.ZERO);
    }

    LedgerStateMachine machine() {
        return machine;
    }

    long nowNanos() {
        return nowNanos;
    }

    /** Moves the clock that the next batch opens with; a negative step turns it back. */
    void advanceSeconds(long seconds) {
        nowNanos += seconds * NANOS_PER_SECOND;
    }

    void setClock(long newNanos) {
        nowNanos = newNanos;
    }

    List<CreateAccountResult> createAccounts(Account... events) {
        machine.beginBatch(nowNanos);
        List<CreateAccountResult> results = machine.createAccounts(List.of(events));
        lastChanges = machine.drainChanges();
        return results;
    }

    List<CreateTransferResult> createTransfers(TransferCommand... commands) {
        return createTransfers(Arrays.stream(commands).map(TransferCommand::build).toList());
    }

    List<CreateTransferResult> createTransfers(List<Transfer> events) {
        machine.beginBatch(nowNanos);
        List<CreateTransferResult> results = machine.createTransfers(events);
        lastChanges = machine.drainChanges();
        return results;
    }

    CreateTransferResult createTransfer(TransferCommand command) {
        return createTransfers(command).getFirst();
    }

    /** Opens and drains an empty batch: what the writer does when only the clock moved. */
    LedgerChanges tick() {
        machine.beginBatch(nowNanos);
        lastChanges = machine.drainChanges();
        return lastChanges;
    }

    /** What the most recent batch changed. */
    LedgerChanges lastChanges() {
        return lastChanges;
    }

    Account account(Id128 id) {
        return machine.account(id).orElseThrow();
    }

    PendingStatus status(long transferId) {
        return machine.pendingStatus(Id128.of(transferId)).orElseThrow();
    }

    Transfer stored(long transferId) {
        return machine.transfer(Id128.of(transferId)).orElseThrow();
    }
}
