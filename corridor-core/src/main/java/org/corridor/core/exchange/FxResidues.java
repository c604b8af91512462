package org.corridor.core.exchange;

import java.util.List;
import java.util.Optional;
import org.corridor.core.Check;
import org.corridor.core.Id128;
import org.corridor.core.fx.Residue;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.CreateAccountResult;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.money.Currencies;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/**
 * Books conversions' rounding residue to the house's residue account per currency. A residue is a fraction of
 * a minor unit and the ledger counts whole ones, so the fraction is carried (in 10^-9 minor units) and each time
 * the carry makes a whole unit, that unit moves from the liquidity provider's account, which received it from
 * the shopper, to the residue account, in the payment's own linked chain. So the residue account holds, to the
 * unit, what rounding has given the house; the carry shows the rest.
 */
public final class FxResidues {
    /** The ledger code of residue accounts. */
    public static final int ACCOUNT_CODE = 20;
    /** The transfer code of a residue made whole. */
    public static final int TRANSFER_CODE = 111;

    /**
     * What one conversion adds: the transfer of the whole units it completes (null if none) and the carry after
     * it, which {@link #commit} keeps once the chain the transfer joins has applied.
     */
    public record Booking(Transfer transfer, FxResidue after) {
        /** Keeps the new carry: call only when the payment's chain applied. */
        public void commit(SwitchState state) {
            if (after != null) state.put(RecordKind.FX_RESIDUE, after.id(), after);
        }
    }

    private FxResidues() {}

    /**
     * The booking of {@code residue}, taken from {@code fromAccount} (the provider's account in the residue's
     * currency), with {@code reference} as the transfer's user data.
     */
    public static Booking book(SwitchState state, Residue residue, Id128 fromAccount, Id128 reference) {
        if (residue.isZero()) return new Booking(null, null);
        FxResidue held = residueOf(state, residue.currency());
        long carried = Math.addExact(held.carriedNanos(), residue.floorIn(FxResidue.CARRY_DIGITS));
        long whole = carried / FxResidue.NANOS_PER_MINOR;
        FxResidue after = held.carrying(carried % FxResidue.NANOS_PER_MINOR);
        if (whole == 0) return new Booking(null, after);
        Transfer transfer = Transfer.of(state.ids().next(), fromAccount, held.accountId(), whole,
                Currencies.ledger(residue.currency()), TRANSFER_CODE).withUserData(reference);
        return new Booking(transfer, after);
    }

    /** The residue of a currency, its account opened on first use. */
    static FxResidue residueOf(SwitchState state, String currency) {
        Optional<FxResidue> held = state.find(RecordKind.FX_RESIDUE, FxResidue.idOf(currency), FxResidue.class);
        if (held.isPresent()) return held.get();
        Id128 account = state.ids().next();
        CreateAccountResult opened = state.ledger().createAccounts(List.of(Account.open(account,
                Currencies.ledger(currency), ACCOUNT_CODE, 0, ObjectIds.numberOf(ParticipantOperations.OPERATOR_ID))))
                .getFirst();
        Check.that(opened.created(), "a fresh residue account was refused: " + opened);
        FxResidue residue = new FxResidue(FxResidue.idOf(currency), currency, account, 0, state.now());
        state.put(RecordKind.FX_RESIDUE, residue.id(), residue);
        return residue;
    }
}
