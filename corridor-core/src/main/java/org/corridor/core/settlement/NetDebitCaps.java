package org.corridor.core.settlement;

import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.participant.Participant;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/**
 * Net debit caps: set by the operator, checked on the writer thread before a payment reserves or moves money from
 * a participant's account that may go negative (an issuer's for card payments, an FX liquidity provider's in the
 * currency it pays out, a wallet provider's funding for top-ups).
 *
 * <p>The position counted is the account's posted balance (credits minus debits) less its reserved debits: what
 * it owes now, counting what it has promised. Settling a window brings it back toward zero, since a net debtor
 * pays in. A participant without a cap is not limited.
 */
public final class NetDebitCaps {
    /** The decline reason's code, on a payment's error and in the API. */
    public static final String DECLINE_CODE = "net_debit_cap_exceeded";
    public static final String DECLINE_MESSAGE = "The payment would take a participant past its net debit cap.";

    /** In precedence order. */
    public enum SetResult { OK, PARTICIPANT_NOT_FOUND, CURRENCY_NOT_SUPPORTED }

    private NetDebitCaps() {}

    /** Sets (or replaces) the cap of a participant in a currency it holds an account in. */
    public static Outcome<SetResult, NetDebitCap> set(SwitchState state, String participantId, String currency,
            long amountMinor) {
        Optional<Participant> participant = state.find(RecordKind.PARTICIPANT, participantId, Participant.class);
        if (participant.isEmpty()) return Outcome.refused(SetResult.PARTICIPANT_NOT_FOUND);
        if (participant.get().account(currency).isEmpty()) return Outcome.refused(SetResult.CURRENCY_NOT_SUPPORTED);
        NetDebitCap cap = new NetDebitCap(NetDebitCap.idOf(participantId, currency), participantId, currency,
                amountMinor, state.now());
        state.put(RecordKind.NET_DEBIT_CAP, cap.id(), cap);
        return Outcome.of(SetResult.OK, cap);
    }

    /** The cap of a participant in a currency, if the operator set one. */
    public static Optional<NetDebitCap> of(SwitchState state, String participantId, String currency) {
        return state.find(RecordKind.NET_DEBIT_CAP, NetDebitCap.idOf(participantId, currency), NetDebitCap.class);
    }

    /**
     * Whether drawing {@code amountMinor} more from the participant's account in {@code currency} would take its
     * position below minus its cap. Reaching the cap exactly is allowed.
     */
    public static boolean exceeded(SwitchState state, String participantId, String currency, long amountMinor) {
        Optional<NetDebitCap> cap = of(state, participantId, currency);
        if (cap.isEmpty()) return false;
        Id128 accountId = state.find(RecordKind.PARTICIPANT, participantId, Participant.class)
                .flatMap(p -> p.account(currency)).orElseThrow();
        return Math.subtractExact(position(state.ledger().account(accountId).orElseThrow()), amountMinor)
                < Math.negateExact(cap.get().amountMinor());
    }

    /** Posted credits less posted debits less reserved debits. */
    public static long position(Account account) {
        return Math.subtractExact(account.creditBalancePosted(), account.debitsPending());
    }
}
