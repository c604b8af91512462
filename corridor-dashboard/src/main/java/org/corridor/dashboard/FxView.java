package org.corridor.dashboard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import org.corridor.core.exchange.FxResidue;
import org.corridor.core.fx.Rate;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.port.FxRates;
import org.corridor.core.port.LedgerReader;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.state.RecordKind;

/**
 * The FX page: the mid rates held, the house's spread, each liquidity provider's positions (its balances) and the
 * house's rounding residue per currency.
 *
 * @param rates the rates as published, by pair
 * @param spreadBasisPoints the spread every quote takes
 * @param providers the FX providers with their positions
 * @param residues the residue accounts, one per currency converted into
 */
public record FxView(List<RateRow> rates, int spreadBasisPoints, List<ParticipantRow> providers,
        List<ResidueRow> residues) {
    /** Digits a rate is shown with: display only; quotes compute with the exact fraction. */
    private static final MathContext RATE_DIGITS = new MathContext(10);

    /**
     * One published rate.
     *
     * @param pair {@code USD/CNY}
     * @param price quote units per base unit, to ten significant digits
     * @param asOf when the source says it held
     * @param source who published it
     */
    public record RateRow(String pair, String price, String asOf, String source) {}

    /**
     * The house's residue in one currency.
     *
     * @param balance the residue account's balance
     * @param carriedNanos the part below one minor unit not yet booked, in 10^-9 minor units
     */
    public record ResidueRow(Balance balance, long carriedNanos) {}

    static FxView read(FxRates rates, ObjectReader objects, LedgerReader ledger, Directory directory) {
        List<RateRow> rateRows = rates.published().stream()
                .sorted(Comparator.comparing(Rate::base).thenComparing(Rate::quote))
                .map(rate -> new RateRow(rate.base() + "/" + rate.quote(), price(rate), Format.time(rate.asOfNanos()),
                        rate.source()))
                .toList();
        List<ParticipantRow> providers = directory.all().stream()
                .filter(participant -> participant.role() == ParticipantRole.FX_PROVIDER)
                .map(participant -> ParticipantRow.of(participant, ledger))
                .toList();
        List<ResidueRow> residues = objects.list(RecordKind.FX_RESIDUE, ParticipantOperations.OPERATOR_ID,
                        FxResidue.class, ObjectReader.PAGE_LIMIT_MAX, null, residue -> true).data().stream()
                .sorted(Comparator.comparing(FxResidue::currency))
                .map(residue -> new ResidueRow(Balance.of(ledger, residue.currency(), residue.accountId()),
                        residue.carriedNanos()))
                .toList();
        return new FxView(rateRows, rates.spreadBasisPoints(), providers, residues);
    }

    private static String price(Rate rate) {
        return new BigDecimal(rate.price().numerator())
                .divide(new BigDecimal(rate.price().denominator()), RATE_DIGITS).toPlainString();
    }
}
