package org.corridor.sim.ledger;

import static org.corridor.core.ledger.CreateTransferResult.*;
import static org.corridor.core.ledger.TransferFlags.BALANCING_CREDIT;
import static org.corridor.core.ledger.TransferFlags.BALANCING_DEBIT;
import static org.corridor.core.ledger.TransferFlags.CLOSING_CREDIT;
import static org.corridor.core.ledger.TransferFlags.CLOSING_DEBIT;
import static org.corridor.core.ledger.TransferFlags.LINKED;
import static org.corridor.core.ledger.TransferFlags.PENDING;
import static org.corridor.core.ledger.TransferFlags.POST_PENDING;
import static org.corridor.core.ledger.TransferFlags.VOID_PENDING;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Map;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.FailedTransfer;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;

/**
 * The reference model's answer to one transfer command in one state.
 *
 * <p>It works in four plain steps: the command's own shape, then an existing transfer with the same id, then
 * a burnt id, then every other rule. Within a step it collects every failure that applies and answers with
 * the one declared first ({@link Precedence}), instead of relying on the order of the {@code if}s. When the
 * answer is {@code OK} it also says what the transfer moves, for {@link TransferEffects}.
 */
final class TransferJudgement {
    private static final int KNOWN_FLAGS = LINKED | PENDING | POST_PENDING | VOID_PENDING | BALANCING_DEBIT
            | BALANCING_CREDIT | CLOSING_DEBIT | CLOSING_CREDIT;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    final Transfer command;
    final CreateTransferResult result;
    /** The accounts debited and credited; for a post or void, those of the pending transfer. */
    Account debit;
    Account credit;
    /** The pending transfer a post or void resolves. */
    Transfer pending;
    /** What an {@code OK} moves: the amount after balancing, or what a post or void resolves. */
    long amount;

    private final ReferenceState state;
    private final boolean pendingFlag;
    private final boolean posting;
    private final boolean voiding;
    private final boolean resolving;

    /**
     * @param timestamp the timestamp this event gets if it succeeds: the instant expiry is judged at
     */
    TransferJudgement(ReferenceState state, Map<Id128, FailedTransfer> burnt, Transfer command, long timestamp) {
        this.state = state;
        this.command = command;
        this.pendingFlag = command.has(PENDING);
        this.posting = command.has(POST_PENDING);
        this.voiding = command.has(VOID_PENDING);
        this.resolving = posting || voiding;
        this.result = answer(burnt, timestamp);
    }

    private CreateTransferResult answer(Map<Id128, FailedTransfer> burnt, long timestamp) {
        EnumSet<CreateTransferResult> shape = shapeFailures();
        if (!shape.isEmpty()) return Precedence.first(shape, OK);
        Transfer existing = state.transfer(command.id());
        if (existing != null) return Precedence.first(differences(existing), EXISTS);
        FailedTransfer failed = burnt.get(command.id());
        if (failed != null) return unlinked(failed.transfer()).equals(unlinked(command)) ? failed.result() : ID_ALREADY_FAILED;
        EnumSet<CreateTransferResult> failures = commandFailures();
        if (resolving) {
            resolutionFailures(failures, timestamp);
        } else {
            newTransferFailures(failures, timestamp);
        }
        return Precedence.first(failures, OK);
    }

    private EnumSet<CreateTransferResult> shapeFailures() {
        EnumSet<CreateTransferResult> failures = EnumSet.noneOf(CreateTransferResult.class);
        if (command.timestamp() != 0) failures.add(TIMESTAMP_MUST_BE_ZERO);
        if ((command.flags() & ~KNOWN_FLAGS) != 0) failures.add(RESERVED_FLAG);
        if (command.id().isZero()) failures.add(ID_MUST_NOT_BE_ZERO);
        if (command.id().isMax()) failures.add(ID_MUST_NOT_BE_INT_MAX);
        return failures;
    }

    /**
     * Every field in which the command differs from the stored transfer. "Take it from the pending transfer"
     * zeros on a post or void, and a balancing transfer's upper bound, count as the same.
     */
    private EnumSet<CreateTransferResult> differences(Transfer stored) {
        EnumSet<CreateTransferResult> differences = EnumSet.noneOf(CreateTransferResult.class);
        boolean balancing = command.has(BALANCING_DEBIT) || command.has(BALANCING_CREDIT);
        if ((command.flags() & ~LINKED) != (stored.flags() & ~LINKED)) differences.add(EXISTS_WITH_DIFFERENT_FLAGS);
        if (!command.pendingId().equals(stored.pendingId())) differences.add(EXISTS_WITH_DIFFERENT_PENDING_ID);
        if (command.timeoutSeconds() != stored.timeoutSeconds()) differences.add(EXISTS_WITH_DIFFERENT_TIMEOUT);
        if (!inherited(command.debitAccountId()) && !command.debitAccountId().equals(stored.debitAccountId())) {
            differences.add(EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID);
        }
        if (!inherited(command.creditAccountId()) && !command.creditAccountId().equals(stored.creditAccountId())) {
            differences.add(EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID);
        }
        boolean sameAmount = command.amount() == stored.amount() || resolving && command.amount() == 0
                || balancing && command.amount() >= stored.amount();
        if (!sameAmount) differences.add(EXISTS_WITH_DIFFERENT_AMOUNT);
        if (!command.userData().equals(stored.userData())) differences.add(EXISTS_WITH_DIFFERENT_USER_DATA);
        if (!(resolving && command.ledger() == 0) && command.ledger() != stored.ledger()) {
            differences.add(EXISTS_WITH_DIFFERENT_LEDGER);
        }
        if (!(resolving && command.code() == 0) && command.code() != stored.code()) {
            differences.add(EXISTS_WITH_DIFFERENT_CODE);
        }
        return differences;
    }

    /** True when a post or void leaves this account id to the pending transfer. */
    private boolean inherited(Id128 accountId) {
        return resolving && accountId.isZero();
    }

    /** Rules on the command alone that hold for every kind of transfer. */
    private EnumSet<CreateTransferResult> commandFailures() {
        EnumSet<CreateTransferResult> failures = EnumSet.noneOf(CreateTransferResult.class);
        int phases = (pendingFlag ? 1 : 0) + (posting ? 1 : 0) + (voiding ? 1 : 0);
        boolean balancingOrClosing = (command.flags() & (BALANCING_DEBIT | BALANCING_CREDIT | CLOSING_DEBIT
                | CLOSING_CREDIT)) != 0;
        if (phases > 1 || resolving && balancingOrClosing) failures.add(FLAGS_ARE_MUTUALLY_EXCLUSIVE);
        if (command.debitAccountId().isMax()) failures.add(DEBIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX);
        if (command.creditAccountId().isMax()) failures.add(CREDIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX);
        if (!command.debitAccountId().isZero() && command.debitAccountId().equals(command.creditAccountId())) {
            failures.add(ACCOUNTS_MUST_BE_DIFFERENT);
        }
        if (!pendingFlag && command.timeoutSeconds() != 0) failures.add(TIMEOUT_RESERVED_FOR_PENDING_TRANSFER);
        if (command.timeoutSeconds() < 0) failures.add(TIMEOUT_MUST_NOT_BE_NEGATIVE);
        if (!pendingFlag && (command.has(CLOSING_DEBIT) || command.has(CLOSING_CREDIT))) {
            failures.add(CLOSING_TRANSFER_MUST_BE_PENDING);
        }
        if (command.amount() < 0) failures.add(AMOUNT_MUST_NOT_BE_NEGATIVE);
        return failures;
    }

    /** Rules for a single-phase transfer or a new reservation. */
    private void newTransferFailures(EnumSet<CreateTransferResult> failures, long timestamp) {
        if (command.debitAccountId().isZero()) failures.add(DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO);
        if (command.creditAccountId().isZero()) failures.add(CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO);
        if (!command.pendingId().isZero()) failures.add(PENDING_ID_MUST_BE_ZERO);
        if (command.amount() == 0) failures.add(AMOUNT_MUST_NOT_BE_ZERO);
        if (command.ledger() == 0) failures.add(LEDGER_MUST_NOT_BE_ZERO);
        if (command.code() == 0) failures.add(CODE_MUST_NOT_BE_ZERO);
        if (pendingFlag && command.timeoutSeconds() >= 0
                && Sums.overflow(timestamp, command.timeoutSeconds() * NANOS_PER_SECOND)) {
            failures.add(OVERFLOWS_TIMEOUT);
        }
        debit = state.account(command.debitAccountId());
        credit = state.account(command.creditAccountId());
        if (debit == null) failures.add(DEBIT_ACCOUNT_NOT_FOUND);
        if (credit == null) failures.add(CREDIT_ACCOUNT_NOT_FOUND);
        if (debit == null || credit == null) return;
        if (debit.ledger() != credit.ledger()) failures.add(ACCOUNTS_MUST_HAVE_THE_SAME_LEDGER);
        if (command.ledger() != debit.ledger()) failures.add(TRANSFER_MUST_HAVE_THE_SAME_LEDGER_AS_ACCOUNTS);
        if (debit.has(AccountFlags.CLOSED)) failures.add(DEBIT_ACCOUNT_ALREADY_CLOSED);
        if (credit.has(AccountFlags.CLOSED)) failures.add(CREDIT_ACCOUNT_ALREADY_CLOSED);
        if (command.amount() < 0) return;
        amount = amountToMove();
        if (pendingFlag && Sums.overflow(debit.debitsPending(), amount)) failures.add(OVERFLOWS_DEBITS_PENDING);
        if (pendingFlag && Sums.overflow(credit.creditsPending(), amount)) failures.add(OVERFLOWS_CREDITS_PENDING);
        if (!pendingFlag && Sums.overflow(debit.debitsPosted(), amount)) failures.add(OVERFLOWS_DEBITS_POSTED);
        if (!pendingFlag && Sums.overflow(credit.creditsPosted(), amount)) failures.add(OVERFLOWS_CREDITS_POSTED);
        if (Sums.overflow(debit.debitsPending(), debit.debitsPosted(), amount)) failures.add(OVERFLOWS_DEBITS);
        if (Sums.overflow(credit.creditsPending(), credit.creditsPosted(), amount)) failures.add(OVERFLOWS_CREDITS);
        if (command.has(BALANCING_DEBIT) && debitHeadroom() == 0) failures.add(EXCEEDS_CREDITS);
        if (command.has(BALANCING_CREDIT) && creditHeadroom() == 0) failures.add(EXCEEDS_DEBITS);
        if (debit.has(AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS)
                && Sums.exceed(debit.creditsPosted(), debit.debitsPending(), debit.debitsPosted(), amount)) {
            failures.add(EXCEEDS_CREDITS);
        }
        if (credit.has(AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS)
                && Sums.exceed(credit.debitsPosted(), credit.creditsPending(), credit.creditsPosted(), amount)) {
            failures.add(EXCEEDS_DEBITS);
        }
    }

    /** The command's amount, cut down by the balancing flags to what the accounts allow. */
    private long amountToMove() {
        long moved = command.amount();
        if (command.has(BALANCING_DEBIT)) moved = Math.min(moved, debitHeadroom());
        if (command.has(BALANCING_CREDIT)) moved = Math.min(moved, creditHeadroom());
        return moved;
    }

    /** How much more the debit account may be debited before its debits pass its posted credits. */
    private long debitHeadroom() {
        BigInteger room = Sums.of(debit.creditsPosted()).subtract(Sums.of(debit.debitsPending(), debit.debitsPosted()));
        return room.max(BigInteger.ZERO).longValueExact();
    }

    /** How much more the credit account may be credited before its credits pass its posted debits. */
    private long creditHeadroom() {
        BigInteger room = Sums.of(credit.debitsPosted())
                .subtract(Sums.of(credit.creditsPending(), credit.creditsPosted()));
        return room.max(BigInteger.ZERO).longValueExact();
    }

    /** Rules for a post or a void of a pending transfer. */
    private void resolutionFailures(EnumSet<CreateTransferResult> failures, long timestamp) {
        if (command.pendingId().isZero()) failures.add(PENDING_ID_MUST_NOT_BE_ZERO);
        if (command.pendingId().isMax()) failures.add(PENDING_ID_MUST_NOT_BE_INT_MAX);
        if (command.pendingId().equals(command.id())) failures.add(PENDING_ID_MUST_BE_DIFFERENT);
        pending = state.transfer(command.pendingId());
        if (pending == null) {
            failures.add(PENDING_TRANSFER_NOT_FOUND);
            return;
        }
        if (!pending.has(PENDING)) {
            failures.add(PENDING_TRANSFER_NOT_PENDING);
            return;
        }
        if (!inherited(command.debitAccountId()) && !command.debitAccountId().equals(pending.debitAccountId())) {
            failures.add(PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID);
        }
        if (!inherited(command.creditAccountId()) && !command.creditAccountId().equals(pending.creditAccountId())) {
            failures.add(PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID);
        }
        if (command.ledger() != 0 && command.ledger() != pending.ledger()) {
            failures.add(PENDING_TRANSFER_HAS_DIFFERENT_LEDGER);
        }
        if (command.code() != 0 && command.code() != pending.code()) failures.add(PENDING_TRANSFER_HAS_DIFFERENT_CODE);
        if (posting && command.amount() > pending.amount()) failures.add(EXCEEDS_PENDING_TRANSFER_AMOUNT);
        if (voiding && command.amount() != 0 && command.amount() != pending.amount()) {
            failures.add(PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT);
        }
        PendingStatus status = state.pendingStatus(pending.id());
        if (status == PendingStatus.POSTED) failures.add(PENDING_TRANSFER_ALREADY_POSTED);
        if (status == PendingStatus.VOIDED) failures.add(PENDING_TRANSFER_ALREADY_VOIDED);
        boolean timedOut = pending.timeoutSeconds() > 0
                && pending.timestamp() + pending.timeoutSeconds() * NANOS_PER_SECOND <= timestamp;
        if (status == PendingStatus.EXPIRED || timedOut) failures.add(PENDING_TRANSFER_EXPIRED);
        debit = state.account(pending.debitAccountId());
        credit = state.account(pending.creditAccountId());
        amount = voiding || command.amount() == 0 ? pending.amount() : command.amount();
        if (!posting) return;
        if (debit.has(AccountFlags.CLOSED) && !pending.has(CLOSING_DEBIT)) failures.add(DEBIT_ACCOUNT_ALREADY_CLOSED);
        if (credit.has(AccountFlags.CLOSED) && !pending.has(CLOSING_CREDIT)) {
            failures.add(CREDIT_ACCOUNT_ALREADY_CLOSED);
        }
        if (Sums.overflow(debit.debitsPosted(), amount)) failures.add(OVERFLOWS_DEBITS_POSTED);
        if (Sums.overflow(credit.creditsPosted(), amount)) failures.add(OVERFLOWS_CREDITS_POSTED);
    }

    boolean resolving() {
        return resolving;
    }

    boolean posting() {
        return posting;
    }

    /** The command without its LINKED flag, which only says where it stood in its command. */
    private static Transfer unlinked(Transfer transfer) {
        return transfer.withFlags(transfer.flags() & ~TransferFlags.LINKED);
    }
}
