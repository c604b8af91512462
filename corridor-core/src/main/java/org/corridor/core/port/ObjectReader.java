package org.corridor.core.port;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.corridor.core.state.OwnedObject;
import org.corridor.core.state.RecordKind;
import org.corridor.core.webhook.Delivery;

/** The read side: committed objects only, never a change that is not yet durable. */
public interface ObjectReader {
    /** Objects per page at most. */
    int PAGE_LIMIT_MAX = 100;

    <T> Optional<T> find(RecordKind kind, String id, Class<T> type);

    /** The object of a kind found by its second unique key (a card's fingerprint, a token's DPAN). */
    <T> Optional<T> findByKey(RecordKind kind, String key, Class<T> type);

    /**
     * A page of {@code ownerId}'s objects of a kind, newest first, starting after the object
     * {@code startingAfter} (null: from the newest), keeping those {@code filter} accepts.
     */
    <T extends OwnedObject> Page<T> list(RecordKind kind, String ownerId, Class<T> type, int limit, String startingAfter,
            Predicate<? super T> filter);

    /** The deliveries of one event, one per endpoint it was sent to. */
    List<Delivery> deliveriesOf(String eventId);
}
