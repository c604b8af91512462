package org.corridor.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.port.Page;
import org.corridor.core.state.RecordKind;

/** The participants, read whole for a page: names for ids, and owners for ledger accounts. */
final class Directory {
    /** Participants read for one page at most; a switch with more shows the newest this many. */
    static final int PARTICIPANTS_READ_MAX = 10_000;

    private final List<Participant> participants;
    private final Map<String, Participant> byId = new HashMap<>();

    private Directory(List<Participant> participants) {
        this.participants = participants;
        participants.forEach(participant -> byId.put(participant.id(), participant));
    }

    /** The newest {@link #PARTICIPANTS_READ_MAX} participants, newest first. */
    static Directory read(ObjectReader objects) {
        List<Participant> all = new ArrayList<>();
        String after = null;
        while (all.size() < PARTICIPANTS_READ_MAX) {
            Page<Participant> page = objects.list(RecordKind.PARTICIPANT, ParticipantOperations.OPERATOR_ID,
                    Participant.class, ObjectReader.PAGE_LIMIT_MAX, after, participant -> true);
            all.addAll(page.data());
            if (!page.hasMore() || page.data().isEmpty()) break;
            after = page.data().getLast().id();
        }
        return new Directory(List.copyOf(all));
    }

    List<Participant> all() {
        return participants;
    }

    /** The participants that merchants' payments may name (merchants and marketplaces). */
    List<Participant> merchants() {
        return participants.stream().filter(p -> p.role().acceptsPayments()).toList();
    }

    Optional<Participant> find(String participantId) {
        return Optional.ofNullable(byId.get(participantId));
    }

    /** A participant's name, or its id when it is not among those read. */
    String nameOf(String participantId) {
        Participant participant = byId.get(participantId);
        return participant == null ? participantId : participant.name();
    }

    /** Who each participant ledger account belongs to, as {@code name (currency)}. */
    Map<Id128, String> accountOwners() {
        Map<Id128, String> owners = new HashMap<>();
        for (Participant participant : participants) {
            participant.accounts().forEach((currency, account) ->
                    owners.put(account, participant.name() + " (" + currency + ")"));
        }
        return owners;
    }
}
