package org.corridor.dashboard;

import java.util.List;
import java.util.Optional;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.port.LedgerReader;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.port.Page;
import org.corridor.core.state.RecordKind;

/**
 * The participants page: one page of participants, newest first, with their balances per currency.
 *
 * @param rows the participants
 * @param nextCursor the participant to start the next page after; empty on the last page
 */
public record ParticipantsView(List<ParticipantRow> rows, Optional<String> nextCursor) {

    static ParticipantsView read(ObjectReader objects, LedgerReader ledger, String startingAfter) {
        Page<Participant> page = objects.list(RecordKind.PARTICIPANT, ParticipantOperations.OPERATOR_ID,
                Participant.class, ObjectReader.PAGE_LIMIT_MAX, blankToNull(startingAfter), participant -> true);
        List<ParticipantRow> rows = page.data().stream().map(p -> ParticipantRow.of(p, ledger)).toList();
        return new ParticipantsView(rows, page.hasMore() ? Optional.of(page.data().getLast().id()) : Optional.empty());
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
