package org.corridor.core.settlement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.exchange.FxQuotes;
import org.corridor.core.exchange.FxResidues;
import org.corridor.core.fx.Conversion;
import org.corridor.core.fx.Conversions;
import org.corridor.core.fx.Rate;
import org.corridor.core.fx.RateLookup;
import org.corridor.core.fx.Spreads;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.money.Currencies;
import org.corridor.core.participant.Participant;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.port.FxRates;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/**
 * Merchants are paid out in their settlement currency. A merchant or marketplace that took payments in another
 * currency has, as that currency's window closes, what it holds there converted into its settlement currency through
 * the FX liquidity provider, at the market rate less the house's spread (rounded down, the residue to the house), in
 * the closing command: the window then nets the merchant's account to nothing in that currency, and the converted
 * amount is in its settlement currency's open window, paid out when that one settles. Where no rate or no provider
 * converts the pair, the merchant keeps the balance and is paid out in that currency; the window says so by its
 * position.
 */
final class PayoutConversions {
    /** The transfer code of a payout conversion's legs. */
    static final int TRANSFER_CODE = 121;

    /**
     * One conversion made at a close.
     *
     * @param participantId the merchant or marketplace
     * @param soldMinor what it held in the window's currency
     * @param settlementCurrency what it settles in
     * @param boughtMinor what it now holds more of in that currency
     */
    record Converted(String participantId, long soldMinor, String settlementCurrency, long boughtMinor) {}

    private PayoutConversions() {}

    /** Converts, for every merchant and marketplace settling in another currency, what it holds in {@code currency}. */
    static List<Converted> sweep(SwitchState state, String currency, FxRates rates) {
        List<Converted> converted = new ArrayList<>();
        List<Participant> payees = state.all(RecordKind.PARTICIPANT).stream().map(Participant.class::cast)
                .filter(p -> p.role().acceptsPayments() && !p.settlementCurrency().equals(currency))
                .filter(p -> p.account(currency).isPresent() && p.account(p.settlementCurrency()).isPresent())
                .sorted(Comparator.comparing(Participant::id))
                .toList();
        for (Participant payee : payees) {
            convert(state, payee, currency, rates).ifPresent(converted::add);
        }
        return converted;
    }

    private static Optional<Converted> convert(SwitchState state, Participant payee, String currency, FxRates rates) {
        String settles = payee.settlementCurrency();
        Account held = state.ledger().account(payee.account(currency).orElseThrow()).orElseThrow();
        // What it may be paid: posted credits less posted and reserved debits (a refund reserved stays).
        long available = held.creditsPosted() - held.debitsPosted() - held.debitsPending();
        if (available <= 0) return Optional.empty();
        Optional<Participant> provider = FxQuotes.liquidityProvider(state, currency, settles);
        RateLookup mid = rates.lookup(currency, settles);
        if (provider.isEmpty() || mid.result() != RateLookup.Result.OK) return Optional.empty();
        Optional<Rate> rate = Spreads.customerRate(mid.rate(), rates.spreadBasisPoints());
        if (rate.isEmpty()) return Optional.empty();
        Conversion conversion;
        try {
            conversion = Conversions.ofSellAmount(available, rate.get());
        } catch (ArithmeticException tooLarge) {
            return Optional.empty();
        }
        if (conversion.buyMinor() == 0) return Optional.empty();
        Id128 reference = ObjectIds.numberOf(payee.id());
        List<Transfer> chain = new ArrayList<>();
        chain.add(Transfer.of(state.ids().next(), payee.account(currency).orElseThrow(),
                provider.get().account(currency).orElseThrow(), available, Currencies.ledger(currency), TRANSFER_CODE)
                .withUserData(reference));
        chain.add(Transfer.of(state.ids().next(), provider.get().account(settles).orElseThrow(),
                payee.account(settles).orElseThrow(), conversion.buyMinor(), Currencies.ledger(settles), TRANSFER_CODE)
                .withUserData(reference));
        FxResidues.Booking residue = FxResidues.book(state, conversion.residue(),
                provider.get().account(conversion.residue().currency()).orElseThrow(), reference);
        if (residue.transfer() != null) chain.add(residue.transfer());
        // A provider past its net debit cap, or any other refusal: the merchant keeps the balance, paid out as it is.
        if (PaymentOperations.applyChain(state, chain) != CreateTransferResult.OK) return Optional.empty();
        residue.commit(state);
        return Optional.of(new Converted(payee.id(), available, settles, conversion.buyMinor()));
    }
}
