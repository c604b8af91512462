package org.corridor.core.webhook;

/**
 * One event on its way to one endpoint: at least once, retried with back-off until it is delivered or
 * the retry window ends.
 *
 * @param id {@code eventId + "/" + endpointId}
 * @param eventId the event
 * @param endpointId the endpoint
 * @param ownerId the participant owning both
 * @param status where it stands
 * @param attempts attempts made so far
 * @param firstAttemptAt nanoseconds since the epoch of the first attempt; zero before it
 * @param nextAttemptAt nanoseconds since the epoch when the next attempt is due; zero when none is
 * @param lastStatusCode the HTTP status of the last attempt; zero if none or if it failed before a reply
 * @param lastError why the last attempt failed; empty if it did not
 */
public record Delivery(String id, String eventId, String endpointId, String ownerId, DeliveryStatus status,
        int attempts, long firstAttemptAt, long nextAttemptAt, int lastStatusCode, String lastError) {

    public static String idOf(String eventId, String endpointId) {
        return eventId + "/" + endpointId;
    }

    /** A delivery due now. */
    public static Delivery due(String eventId, String endpointId, String ownerId, long now) {
        return new Delivery(idOf(eventId, endpointId), eventId, endpointId, ownerId, DeliveryStatus.PENDING, 0, 0, now,
                0, "");
    }

    /** After an attempt: delivered, due again at {@code nextAttempt}, or given up when that is zero. */
    public Delivery attempted(long attemptedAt, boolean delivered, int statusCode, String error, long nextAttempt) {
        DeliveryStatus next = delivered ? DeliveryStatus.DELIVERED
                : nextAttempt == 0 ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
        return new Delivery(id, eventId, endpointId, ownerId, next, attempts + 1,
                firstAttemptAt == 0 ? attemptedAt : firstAttemptAt, delivered ? 0 : nextAttempt, statusCode, error);
    }

    /** Asked to try again now, whatever happened before (the redeliver endpoint). */
    public Delivery redeliver(long now) {
        return new Delivery(id, eventId, endpointId, ownerId, DeliveryStatus.PENDING, attempts, 0, now, lastStatusCode,
                lastError);
    }
}
