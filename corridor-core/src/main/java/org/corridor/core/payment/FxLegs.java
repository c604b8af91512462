package org.corridor.core.payment;

import java.util.List;
import org.corridor.core.Id128;
import org.corridor.core.exchange.FxResidues;
import org.corridor.core.fx.Conversion;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.money.Currencies;
import org.corridor.core.participant.Participant;
import org.corridor.core.settlement.NetDebitCaps;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/**
 * The ledger legs of a cross-currency payment through its FX liquidity provider: the shopper pays the provider's
 * account in the shopper's currency, the provider's account in the merchant's currency pays the merchant, and the
 * rounding residue is booked to the house.
 */
final class FxLegs {
    private final Participant provider;

    private FxLegs(Participant provider) {
        this.provider = provider;
    }

    static FxLegs of(SwitchState state, String providerId) {
        return new FxLegs(state.find(RecordKind.PARTICIPANT, providerId, Participant.class).orElseThrow());
    }

    /** The provider's position account in {@code currency}. */
    Id128 account(String currency) {
        return provider.account(currency).orElseThrow();
    }

    /** Whether paying {@code amountMinor} out of the provider's account in {@code currency} passes its net debit cap. */
    boolean overCap(SwitchState state, String currency, long amountMinor) {
        return NetDebitCaps.exceeded(state, provider.id(), currency, amountMinor);
    }

    /**
     * Appends the provider paying the merchant what {@code converted} buys, and the residue it leaves; answers the
     * residue's booking, to {@linkplain FxResidues.Booking#commit commit} once the chain applied.
     */
    FxResidues.Booking payout(SwitchState state, List<Transfer> chain, Conversion converted, Id128 merchantAccount,
            Id128 reference) {
        chain.add(Transfer.of(state.ids().next(), account(converted.buyCurrency()), merchantAccount,
                converted.buyMinor(), Currencies.ledger(converted.buyCurrency()), TransferCodes.FX_PAYOUT)
                .withUserData(reference));
        FxResidues.Booking residue = FxResidues.book(state, converted.residue(), account(converted.residue().currency()),
                reference);
        if (residue.transfer() != null) chain.add(residue.transfer());
        return residue;
    }
}
