package org.corridor.dashboard;

import java.util.List;
import org.corridor.core.participant.Participant;
import org.corridor.core.port.LedgerReader;

/**
 * A participant and its balance in each currency it works in.
 *
 * @param participant the participant
 * @param role its role, as the API spells it
 * @param balances one per currency, in currency order
 */
public record ParticipantRow(Participant participant, String role, List<Balance> balances) {
    static ParticipantRow of(Participant participant, LedgerReader ledger) {
        return new ParticipantRow(participant, Format.name(participant.role()),
                Balance.of(ledger, participant.accounts()));
    }
}
