package org.corridor.sim.ledger;

import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;

/** What an accepted transfer does to the reference model's state. */
final class TransferEffects {
    private TransferEffects() {}

    /** Applies a transfer judged {@code OK} and returns it as stored. */
    static Transfer apply(ReferenceState state, TransferJudgement judged, long timestamp) {
        Transfer command = judged.command;
        Transfer stored;
        if (judged.resolving()) {
            Transfer pending = judged.pending;
            // A void reopens what the reservation closed; a post keeps it closed for good.
            release(state, pending, !judged.posting());
            if (judged.posting()) {
                state.addBalances(pending.debitAccountId(), 0, judged.amount, 0, 0);
                state.addBalances(pending.creditAccountId(), 0, 0, 0, judged.amount);
            }
            state.resolve(pending.id(), judged.posting() ? PendingStatus.POSTED : PendingStatus.VOIDED);
            stored = new Transfer(command.id(), pending.debitAccountId(), pending.creditAccountId(), judged.amount,
                    command.pendingId(), command.userData(), command.timeoutSeconds(), pending.ledger(),
                    pending.code(), command.flags(), timestamp);
        } else {
            stored = new Transfer(command.id(), command.debitAccountId(), command.creditAccountId(), judged.amount,
                    command.pendingId(), command.userData(), command.timeoutSeconds(), command.ledger(),
                    command.code(), command.flags(), timestamp);
            if (command.has(TransferFlags.PENDING)) {
                state.addBalances(command.debitAccountId(), judged.amount, 0, 0, 0);
                state.addBalances(command.creditAccountId(), 0, 0, judged.amount, 0);
                if (command.has(TransferFlags.CLOSING_DEBIT)) state.setClosed(command.debitAccountId(), true);
                if (command.has(TransferFlags.CLOSING_CREDIT)) state.setClosed(command.creditAccountId(), true);
                state.reserve(command.id());
            } else {
                state.addBalances(command.debitAccountId(), 0, judged.amount, 0, 0);
                state.addBalances(command.creditAccountId(), 0, 0, 0, judged.amount);
            }
        }
        state.addTransfer(stored);
        state.recordHistory(stored.debitAccountId(), timestamp, true);
        state.recordHistory(stored.creditAccountId(), timestamp, false);
        return stored;
    }

    /** Takes back a reservation; {@code reopen} also reopens the accounts it closed. */
    static void release(ReferenceState state, Transfer pending, boolean reopen) {
        state.addBalances(pending.debitAccountId(), -pending.amount(), 0, 0, 0);
        state.addBalances(pending.creditAccountId(), 0, 0, -pending.amount(), 0);
        if (reopen && pending.has(TransferFlags.CLOSING_DEBIT)) state.setClosed(pending.debitAccountId(), false);
        if (reopen && pending.has(TransferFlags.CLOSING_CREDIT)) state.setClosed(pending.creditAccountId(), false);
    }
}
