package org.corridor.core.webhook;

import java.util.List;
import java.util.Optional;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/** Commands on events, endpoints and deliveries; run on the writer thread. */
public final class WebhookOperations {
    /** During a rotation the previous secret signs for one more day, so receivers can switch over. */
    public static final long ROTATION_OVERLAP_NANOS = 24L * 3600 * 1_000_000_000L;
    /** Endpoints per participant at most. */
    public static final int ENDPOINTS_PER_OWNER_MAX = 16;

    public enum EndpointResult { OK, NOT_FOUND, TOO_MANY_ENDPOINTS }

    public enum RedeliverResult { OK, NOT_FOUND }

    private WebhookOperations() {}

    /**
     * Writes an event for {@code ownerId} (the outbox) and a due delivery for each endpoint that wants it,
     * in the current batch: they commit with the change they report.
     */
    public static Event emit(SwitchState state, String ownerId, String type, RecordKind kind, Object object) {
        Event event = new Event(ObjectIds.of("evt_", state.ids().next()), ownerId, type, kind, object, state.now());
        state.put(RecordKind.EVENT, event.id(), event);
        for (WebhookEndpoint endpoint : endpointsOf(state, ownerId)) {
            if (!endpoint.wants(type)) continue;
            Delivery delivery = Delivery.due(event.id(), endpoint.id(), ownerId, state.now());
            state.put(RecordKind.DELIVERY, delivery.id(), delivery);
        }
        return event;
    }

    public static Outcome<EndpointResult, WebhookEndpoint> createEndpoint(SwitchState state, String ownerId, String id,
            String url, List<String> enabledEvents, String secret) {
        if (endpointsOf(state, ownerId).size() >= ENDPOINTS_PER_OWNER_MAX) {
            return Outcome.refused(EndpointResult.TOO_MANY_ENDPOINTS);
        }
        WebhookEndpoint endpoint = new WebhookEndpoint(id, ownerId, url, enabledEvents,
                List.of(new SigningSecret(secret, 0)), false, state.now());
        state.put(RecordKind.WEBHOOK_ENDPOINT, id, endpoint);
        return Outcome.of(EndpointResult.OK, endpoint);
    }

    /** A new signing secret; the previous one keeps signing for {@link #ROTATION_OVERLAP_NANOS}. */
    public static Outcome<EndpointResult, WebhookEndpoint> rotateSecret(SwitchState state, String ownerId, String id,
            String newSecret) {
        Optional<WebhookEndpoint> found = owned(state, ownerId, id);
        if (found.isEmpty()) return Outcome.refused(EndpointResult.NOT_FOUND);
        WebhookEndpoint rotated = found.get().rotated(newSecret, Math.addExact(state.now(), ROTATION_OVERLAP_NANOS));
        state.put(RecordKind.WEBHOOK_ENDPOINT, id, rotated);
        return Outcome.of(EndpointResult.OK, rotated);
    }

    public static Outcome<EndpointResult, WebhookEndpoint> deleteEndpoint(SwitchState state, String ownerId, String id) {
        Optional<WebhookEndpoint> found = owned(state, ownerId, id);
        if (found.isEmpty()) return Outcome.refused(EndpointResult.NOT_FOUND);
        state.remove(RecordKind.WEBHOOK_ENDPOINT, id);
        return Outcome.of(EndpointResult.OK, found.get());
    }

    /** Makes every delivery of an event due again now (to endpoints that still exist). */
    public static Outcome<RedeliverResult, Event> redeliver(SwitchState state, String ownerId, String eventId) {
        Optional<Event> event = state.find(RecordKind.EVENT, eventId, Event.class)
                .filter(e -> e.ownerId().equals(ownerId));
        if (event.isEmpty()) return Outcome.refused(RedeliverResult.NOT_FOUND);
        for (WebhookEndpoint endpoint : endpointsOf(state, ownerId)) {
            if (!endpoint.wants(event.get().type())) continue;
            String deliveryId = Delivery.idOf(eventId, endpoint.id());
            Delivery delivery = state.find(RecordKind.DELIVERY, deliveryId, Delivery.class)
                    .map(d -> d.redeliver(state.now()))
                    .orElseGet(() -> Delivery.due(eventId, endpoint.id(), ownerId, state.now()));
            state.put(RecordKind.DELIVERY, deliveryId, delivery);
        }
        return Outcome.of(RedeliverResult.OK, event.get());
    }

    /**
     * Records one attempt's outcome; {@code nextAttemptAt} zero gives up. An attempt for a delivery that was
     * redelivered or removed meanwhile is still counted, against the delivery as it now stands.
     */
    public static Optional<Delivery> recordAttempt(SwitchState state, String deliveryId, long attemptedAt,
            boolean delivered, int statusCode, String error, long nextAttemptAt) {
        Optional<Delivery> found = state.find(RecordKind.DELIVERY, deliveryId, Delivery.class);
        if (found.isEmpty()) return Optional.empty();
        Delivery updated = found.get().attempted(attemptedAt, delivered, statusCode, error, nextAttemptAt);
        state.put(RecordKind.DELIVERY, deliveryId, updated);
        return Optional.of(updated);
    }

    private static Optional<WebhookEndpoint> owned(SwitchState state, String ownerId, String id) {
        return state.find(RecordKind.WEBHOOK_ENDPOINT, id, WebhookEndpoint.class).filter(e -> e.ownerId().equals(ownerId));
    }

    private static List<WebhookEndpoint> endpointsOf(SwitchState state, String ownerId) {
        return state.ownedBy(RecordKind.WEBHOOK_ENDPOINT, ownerId).stream().map(WebhookEndpoint.class::cast).toList();
    }
}
