package org.corridor.dashboard;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import org.corridor.core.Check;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.port.PaymentIntentListener;

/**
 * Every committed payment intent, all merchants together, newest first, and the live outcome counts: what the
 * payments page and the chart read. The committed objects list intents per merchant only; the operator looks across
 * them. Fed by the committed objects' listener, so it never shows a change that could still be lost.
 */
public final class PaymentFeed implements PaymentIntentListener {
    /** Intents a page looks at, at most, before it stops and offers the rest on the next page. */
    public static final int INTENTS_SCANNED_PER_PAGE_MAX = 50_000;

    /** Newest first; ties (one batch's time) broken by id so that the order is total and stable. */
    private record Position(long createdAt, String id) {
        static final Comparator<Position> NEWEST_FIRST =
                Comparator.comparingLong(Position::createdAt).reversed().thenComparing(Position::id);

        static Position of(PaymentIntent intent) {
            return new Position(intent.createdAt(), intent.id());
        }
    }

    /**
     * One page of intents.
     *
     * @param intents the intents, newest first
     * @param nextCursor the id to start the next page after; empty when no older intent remains
     */
    public record Page(List<PaymentIntent> intents, Optional<String> nextCursor) {}

    private final OutcomeCounter outcomes = new OutcomeCounter();
    private final InstantSource clock;
    private volatile NavigableMap<Position, PaymentIntent> intents = new ConcurrentSkipListMap<>(Position.NEWEST_FIRST);

    /** An empty feed; {@code clock} dates the outcomes it counts. */
    public PaymentFeed(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public void restored(Collection<PaymentIntent> all) {
        NavigableMap<Position, PaymentIntent> fresh = new ConcurrentSkipListMap<>(Position.NEWEST_FIRST);
        for (PaymentIntent intent : all) fresh.put(Position.of(intent), intent);
        intents = fresh;
    }

    @Override
    public void committed(PaymentIntent before, PaymentIntent after) {
        intents.put(Position.of(after), after);
        Outcome.of(before, after).ifPresent(outcome -> outcomes.record(Rail.of(after), outcome, clock.millis()));
    }

    /** The outcomes of the last {@link OutcomeCounter#WINDOW_SECONDS} whole seconds, oldest first. */
    public List<OutcomeCounter.Second> window() {
        return outcomes.window(clock.millis());
    }

    /** How many intents there are. */
    public int size() {
        return intents.size();
    }

    /**
     * Up to {@code limit} intents that {@code filter} keeps, newest first, after the intent {@code startingAfter}
     * (null: from the newest).
     */
    public Page page(int limit, PaymentIntent startingAfter, Predicate<PaymentIntent> filter) {
        Check.that(limit >= 1, "a page holds at least one intent");
        NavigableMap<Position, PaymentIntent> from = startingAfter == null ? intents
                : intents.tailMap(Position.of(startingAfter), false);
        List<PaymentIntent> page = new ArrayList<>(limit);
        String lastScanned = null;
        int scanned = 0;
        for (PaymentIntent intent : from.values()) {
            if (scanned++ == INTENTS_SCANNED_PER_PAGE_MAX) return new Page(page, Optional.of(lastScanned));
            lastScanned = intent.id();
            if (!filter.test(intent)) continue;
            if (page.size() == limit) return new Page(page, Optional.of(page.getLast().id()));
            page.add(intent);
        }
        return new Page(page, Optional.empty());
    }
}
