package org.corridor.services;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.corridor.core.Check;
import org.corridor.core.card.Card;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.port.Page;
import org.corridor.core.port.PaymentIntentListener;
import org.corridor.core.state.OwnedObject;
import org.corridor.core.state.RecordChange;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;
import org.corridor.core.state.UniquelyKeyed;
import org.corridor.core.webhook.Delivery;
import org.corridor.store.writer.CommitListener;

/**
 * The committed objects, in memory, for readers on any thread: filled from the writer's state at start-up and
 * after each durable batch, so a reader never sees a change that could still be lost.
 *
 * <p>Each owner's objects of a kind are indexed newest first for cursor pagination; deliveries are indexed by
 * their event. Changed deliveries are also handed to a listener (the webhook dispatcher), authorizations to
 * another (reversals) and payment intents to a third (the dashboard's feed).
 */
public final class CommittedObjects implements ObjectReader, CommitListener {
    /** Newest first; ties (same batch time) broken by id so that the order is total and stable. */
    private record Position(long createdAt, String id) implements Comparable<Position> {
        private static final Comparator<Position> NEWEST_FIRST =
                Comparator.comparingLong(Position::createdAt).reversed().thenComparing(Position::id);

        @Override
        public int compareTo(Position other) {
            return NEWEST_FIRST.compare(this, other);
        }
    }

    /** Everything readers see; replaced whole when the writer reloads, so a reader never sees it half-filled. */
    private static final class View {
        final EnumMap<RecordKind, ConcurrentHashMap<String, Object>> objects = new EnumMap<>(RecordKind.class);
        final EnumMap<RecordKind, ConcurrentHashMap<String, NavigableMap<Position, OwnedObject>>> byOwner =
                new EnumMap<>(RecordKind.class);
        final ConcurrentHashMap<String, ConcurrentHashMap<String, Delivery>> deliveriesByEvent = new ConcurrentHashMap<>();
        final EnumMap<RecordKind, ConcurrentHashMap<String, String>> idsByUniqueKey = new EnumMap<>(RecordKind.class);

        View() {
            for (RecordKind kind : RecordKind.values()) {
                objects.put(kind, new ConcurrentHashMap<>());
                byOwner.put(kind, new ConcurrentHashMap<>());
                idsByUniqueKey.put(kind, new ConcurrentHashMap<>());
            }
        }

        /** Applies one change; answers the object it replaced, or null. */
        Object apply(RecordChange change) {
            Object previous = change.removed()
                    ? objects.get(change.kind()).remove(change.id())
                    : objects.get(change.kind()).put(change.id(), change.value());
            if (previous instanceof OwnedObject old) ownerIndex(change.kind(), old.ownerId()).remove(position(old));
            if (previous instanceof UniquelyKeyed old) idsByUniqueKey.get(change.kind()).remove(old.uniqueKey());
            if (change.value() instanceof UniquelyKeyed keyed) {
                idsByUniqueKey.get(change.kind()).put(keyed.uniqueKey(), change.id());
            }
            if (change.value() instanceof OwnedObject owned) {
                ownerIndex(change.kind(), owned.ownerId()).put(position(owned), owned);
            }
            if (change.value() instanceof Delivery delivery) {
                deliveriesByEvent.computeIfAbsent(delivery.eventId(), id -> new ConcurrentHashMap<>())
                        .put(delivery.endpointId(), delivery);
            }
            return previous;
        }

        NavigableMap<Position, OwnedObject> ownerIndex(RecordKind kind, String ownerId) {
            return byOwner.get(kind).computeIfAbsent(ownerId, id -> new ConcurrentSkipListMap<>());
        }
    }

    private volatile View view = new View();
    private volatile Consumer<Delivery> deliveryListener = delivery -> {};
    private volatile Consumer<CardAuthorization> authorizationListener = authorization -> {};
    /** Several parts follow payment intents (the dashboard's counters, the metrics), each told in turn. */
    private final List<PaymentIntentListener> paymentIntentListeners = new CopyOnWriteArrayList<>();

    /** Hands every committed payment intent change (and, on start-up, every intent) to {@code listener} too. */
    public void onPaymentIntent(PaymentIntentListener listener) {
        paymentIntentListeners.add(listener);
    }

    /** Hands every committed authorization change (and, on start-up, every authorization) to {@code listener}. */
    public void onAuthorization(Consumer<CardAuthorization> listener) {
        this.authorizationListener = listener;
    }

    /** Hands every committed delivery change (and, on start-up, every delivery) to {@code listener}. */
    public void onDelivery(Consumer<Delivery> listener) {
        this.deliveryListener = listener;
    }

    @Override
    public void restored(SwitchState state) {
        View fresh = new View();
        List<Delivery> deliveries = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            if (kind == RecordKind.ERROR) continue;
            for (Object value : state.all(kind)) {
                fresh.apply(new RecordChange(kind, idOf(kind, value), value));
                if (value instanceof Delivery delivery) deliveries.add(delivery);
            }
        }
        view = fresh;
        deliveries.forEach(deliveryListener);
        for (Object authorization : state.all(RecordKind.CARD_AUTHORIZATION)) {
            authorizationListener.accept((CardAuthorization) authorization);
        }
        List<PaymentIntent> intents = new ArrayList<>();
        for (Object intent : state.all(RecordKind.PAYMENT_INTENT)) intents.add((PaymentIntent) intent);
        for (PaymentIntentListener listener : paymentIntentListeners) listener.restored(intents);
    }

    @Override
    public void committed(List<RecordChange> records) {
        View current = view;
        for (RecordChange change : records) {
            Object previous = current.apply(change);
            if (change.value() instanceof PaymentIntent intent) {
                for (PaymentIntentListener listener : paymentIntentListeners) {
                    listener.committed((PaymentIntent) previous, intent);
                }
            }
            if (change.value() instanceof Delivery delivery) deliveryListener.accept(delivery);
            if (change.value() instanceof CardAuthorization authorization) authorizationListener.accept(authorization);
        }
    }

    private static Position position(OwnedObject object) {
        return new Position(object.createdAt(), object.id());
    }

    private static String idOf(RecordKind kind, Object value) {
        return switch (value) {
            case OwnedObject owned -> owned.id();
            case Delivery delivery -> delivery.id();
            case org.corridor.core.state.IdempotencyRecord record -> record.id();
            case Card card -> card.id();
            default -> throw new IllegalStateException("a " + kind + " record without an id: " + value.getClass());
        };
    }

    @Override
    public <T> Optional<T> find(RecordKind kind, String id, Class<T> type) {
        return Optional.ofNullable(view.objects.get(kind).get(id)).map(type::cast);
    }

    @Override
    public <T> Optional<T> findByKey(RecordKind kind, String key, Class<T> type) {
        View current = view;
        String id = current.idsByUniqueKey.get(kind).get(key);
        return id == null ? Optional.empty() : Optional.ofNullable(current.objects.get(kind).get(id)).map(type::cast);
    }

    @Override
    public <T extends OwnedObject> Page<T> list(RecordKind kind, String ownerId, Class<T> type, int limit,
            String startingAfter, Predicate<? super T> filter) {
        Check.that(limit >= 1 && limit <= PAGE_LIMIT_MAX, "a page holds 1 to " + PAGE_LIMIT_MAX + " objects");
        View current = view;
        NavigableMap<Position, OwnedObject> index = current.byOwner.get(kind).getOrDefault(ownerId, new ConcurrentSkipListMap<>());
        NavigableMap<Position, OwnedObject> from = index;
        if (startingAfter != null) {
            Object cursor = current.objects.get(kind).get(startingAfter);
            if (!(cursor instanceof OwnedObject owned) || !owned.ownerId().equals(ownerId)) return new Page<>(List.of(), false);
            from = index.tailMap(position(owned), false);
        }
        List<T> page = new ArrayList<>(limit);
        for (OwnedObject object : from.values()) {
            T typed = type.cast(object);
            if (!filter.test(typed)) continue;
            if (page.size() == limit) return new Page<>(page, true);
            page.add(typed);
        }
        return new Page<>(page, false);
    }

    @Override
    public List<Delivery> deliveriesOf(String eventId) {
        Map<String, Delivery> deliveries = view.deliveriesByEvent.get(eventId);
        return deliveries == null ? List.of() : List.copyOf(deliveries.values());
    }
}
