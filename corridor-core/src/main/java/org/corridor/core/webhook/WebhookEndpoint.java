package org.corridor.core.webhook;

import java.util.List;
import org.corridor.core.state.OwnedObject;

/**
 * Where a participant wants its events sent.
 *
 * @param id {@code we_…}
 * @param ownerId the participant
 * @param url http or https
 * @param enabledEvents event types, or {@code *} for all
 * @param secrets the current secret first, then any previous one still valid during a rotation
 * @param disabled whether deliveries are paused
 * @param createdAt nanoseconds since the epoch
 */
public record WebhookEndpoint(String id, String ownerId, String url, List<String> enabledEvents,
        List<SigningSecret> secrets, boolean disabled, long createdAt) implements OwnedObject {

    public WebhookEndpoint {
        enabledEvents = List.copyOf(enabledEvents);
        secrets = List.copyOf(secrets);
    }

    public boolean wants(String eventType) {
        return !disabled && (enabledEvents.contains(EventTypes.ALL) || enabledEvents.contains(eventType));
    }

    /** The secrets that sign a delivery made at {@code nowNanos}. */
    public List<String> signingSecrets(long nowNanos) {
        return secrets.stream().filter(s -> s.validAt(nowNanos)).map(SigningSecret::secret).toList();
    }

    /** A new current secret; the old one stays valid until {@code previousExpiresAt}. */
    public WebhookEndpoint rotated(String newSecret, long previousExpiresAt) {
        return new WebhookEndpoint(id, ownerId, url, enabledEvents,
                List.of(new SigningSecret(newSecret, 0), new SigningSecret(secrets.getFirst().secret(), previousExpiresAt)),
                disabled, createdAt);
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[" + id + ", owner " + ownerId + ", " + url + ", " + enabledEvents + "]";
    }
}
