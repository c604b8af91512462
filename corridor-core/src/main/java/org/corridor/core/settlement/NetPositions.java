package org.corridor.core.settlement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corridor.core.Check;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;
import org.corridor.core.money.Currencies;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.payment.TransferCodes;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/**
 * The multilateral net positions of one currency over a range of ledger timestamps, computed from the ledger's
 * transfers: every posted movement (a single-phase transfer or a posting; reservations and voids move nothing
 * posted) whose timestamp is in the range, except settlement transfers, which settle earlier windows.
 *
 * <p>Each transfer debits one account and credits another of the same currency, so the movements of all accounts
 * sum to zero: the participants' nets plus the customers' balances plus the house's other accounts. The
 * computation checks that, so a window's figures always add up.
 */
final class NetPositions {
    /** What a range adds up to. */
    record Computed(List<NetPosition> positions, long customersMinor, long houseMinor) {}

    private static final class Tally {
        long debits;
        long credits;
        long fees;
        long refunds;

        void add(long signedAmount, int code) {
            if (signedAmount < 0) debits = Math.subtractExact(debits, signedAmount);
            else credits = Math.addExact(credits, signedAmount);
            if (code == TransferCodes.MERCHANT_FEE) fees = Math.addExact(fees, signedAmount);
            if (code == TransferCodes.REFUND || code == TransferCodes.FX_REFUND) {
                refunds = Math.addExact(refunds, signedAmount);
            }
        }
    }

    private NetPositions() {}

    /** The positions of {@code currency} over the ledger timestamps after {@code after}, through {@code through}. */
    static Computed compute(SwitchState state, String currency, long after, long through) {
        int ledger = Currencies.ledger(currency);
        Map<Id128, String> owners = new HashMap<>();
        for (Object value : state.all(RecordKind.PARTICIPANT)) {
            Participant participant = (Participant) value;
            participant.account(currency).ifPresent(account -> owners.put(account, participant.id()));
        }
        Map<Id128, Tally> tallies = new HashMap<>();
        for (Transfer t : state.ledger().transfers()) {
            if (t.ledger() != ledger || t.timestamp() <= after || t.timestamp() > through || !movesPosted(t)) continue;
            if (t.code() == SettlementWindows.TRANSFER_CODE) continue;
            tallies.computeIfAbsent(t.debitAccountId(), id -> new Tally()).add(-t.amount(), t.code());
            tallies.computeIfAbsent(t.creditAccountId(), id -> new Tally()).add(t.amount(), t.code());
        }
        TreeMap<String, NetPosition> positions = new TreeMap<>();
        long customers = 0;
        long house = 0;
        long sum = 0;
        for (Map.Entry<Id128, Tally> entry : tallies.entrySet()) {
            Tally tally = entry.getValue();
            long net = Math.subtractExact(tally.credits, tally.debits);
            sum = Math.addExact(sum, net);
            String owner = owners.get(entry.getKey());
            if (owner != null) {
                positions.put(owner, new NetPosition(owner, entry.getKey(), tally.debits, tally.credits, tally.fees,
                        tally.refunds));
            } else if (state.ledger().account(entry.getKey()).orElseThrow().code() == Customer.BALANCE_ACCOUNT_CODE) {
                customers = Math.addExact(customers, net);
            } else {
                house = Math.addExact(house, net);
            }
        }
        Check.that(sum == 0, "the movements of a currency's accounts sum to zero, not " + sum);
        return new Computed(List.copyOf(positions.values()), customers, house);
    }

    /** Whether a stored transfer changed posted balances: not a reservation, not a void. */
    static boolean movesPosted(Transfer transfer) {
        return !transfer.has(TransferFlags.PENDING) && !transfer.has(TransferFlags.VOID_PENDING);
    }
}
