package org.corridor.core.ledger;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies a command's events in order, honouring linked chains: the events of a chain (each flagged
 * linked, up to and including the first one that is not) succeed together or fail together.
 *
 * <p>In a failed chain the failing event keeps its own result and every other event gets
 * {@code linkedEventFailed}; a chain still open at the end of the command fails with {@code chainOpen} on
 * its last event.
 */
final class LinkedChains {
    private LinkedChains() {}

    /** What the state machine provides to run one chain-aware command. */
    interface Undo {
        void begin();

        void commit();

        void rollback();
    }

    static <E, R> List<R> apply(List<E> events, Function<E, R> applyOne, Predicate<E> linked, Predicate<R> succeeded,
            R linkedEventFailed, R chainOpen, Undo undo) {
        @SuppressWarnings("unchecked")
        R[] results = (R[]) new Object[events.size()];
        int chainStart = -1;
        int failedAt = -1;
        for (int i = 0; i < events.size(); i++) {
            E event = events.get(i);
            boolean isLinked = linked.test(event);
            if (chainStart < 0 && isLinked) {
                chainStart = i;
                failedAt = -1;
                undo.begin();
            }
            if (chainStart >= 0 && failedAt >= 0) {
                results[i] = linkedEventFailed;
            } else {
                R result = isLinked && i == events.size() - 1 ? chainOpen : applyOne.apply(event);
                results[i] = result;
                if (chainStart >= 0 && !succeeded.test(result)) {
                    failedAt = i;
                    undo.rollback();
                }
            }
            boolean chainEnds = chainStart >= 0 && (!isLinked || i == events.size() - 1);
            if (chainEnds) {
                if (failedAt >= 0) {
                    for (int j = chainStart; j <= i; j++) {
                        if (j != failedAt) {
                            results[j] = linkedEventFailed;
                        }
                    }
                } else {
                    undo.commit();
                }
                chainStart = -1;
            }
        }
        return List.of(results);
    }
}
