package org.corridor.core.settlement;

import java.util.List;
import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.state.OwnedObject;

/**
 * A settlement window of one currency. It covers the ledger's transfers of that currency whose timestamp is after
 * {@code coversAfter} and at most {@code coversThrough}: the previous window's close is where this one starts, so
 * every transfer falls into exactly one window. Closing fixes the net positions; settling books them.
 *
 * @param id {@code sw_…}
 * @param currency ISO 4217 code
 * @param number 1 for a currency's first window, counting up
 * @param status where it stands
 * @param settlementAccountId the operator's settlement account in the currency (the settlement bank)
 * @param coversAfter the ledger timestamp the window starts after (exclusive); 0 for the first
 * @param coversThrough the last ledger timestamp the window covers (inclusive); 0 while open
 * @param positions at close: each participant whose account moved, in participant id order; empty while open
 * @param customersMinor at close: credits minus debits of customers' balances in the window
 * @param houseMinor at close: credits minus debits of the house's other accounts (FX residue) in the window
 * @param transferIds when settled: the settlement transfers, in the order of {@code positions} (zero nets have none)
 * @param openedAt nanoseconds since the epoch
 * @param closedAt 0 while open
 * @param settledAt 0 until settled
 */
public record SettlementWindow(String id, String currency, long number, WindowStatus status, Id128 settlementAccountId,
        long coversAfter, long coversThrough, List<NetPosition> positions, long customersMinor, long houseMinor,
        List<Id128> transferIds, long openedAt, long closedAt, long settledAt) implements OwnedObject {

    public SettlementWindow {
        positions = List.copyOf(positions);
        transferIds = List.copyOf(transferIds);
    }

    static SettlementWindow open(String id, String currency, long number, Id128 settlementAccountId, long coversAfter,
            long at) {
        return new SettlementWindow(id, currency, number, WindowStatus.OPEN, settlementAccountId, coversAfter, 0,
                List.of(), 0, 0, List.of(), at, 0, 0);
    }

    /** Windows are the operator's. */
    @Override
    public String ownerId() {
        return ParticipantOperations.OPERATOR_ID;
    }

    /** When it opened: windows list newest first by it. */
    @Override
    public long createdAt() {
        return openedAt;
    }

    /** The position of a participant, if its account moved in the window. */
    public Optional<NetPosition> positionOf(String participantId) {
        return positions.stream().filter(p -> p.participantId().equals(participantId)).findFirst();
    }

    /** The sum of the participants' nets: what the settlement account keeps (a negative sum is what it pays). */
    public long participantsNetMinor() {
        long sum = 0;
        for (NetPosition position : positions) sum = Math.addExact(sum, position.netMinor());
        return sum;
    }

    SettlementWindow closed(long through, List<NetPosition> nets, long customers, long house, long at) {
        return new SettlementWindow(id, currency, number, WindowStatus.CLOSED, settlementAccountId, coversAfter, through,
                nets, customers, house, List.of(), openedAt, at, 0);
    }

    SettlementWindow settled(List<Id128> transfers, long at) {
        return new SettlementWindow(id, currency, number, WindowStatus.SETTLED, settlementAccountId, coversAfter,
                coversThrough, positions, customersMinor, houseMinor, transfers, openedAt, closedAt, at);
    }
}
