package org.corridor.core.port;

import org.corridor.core.webhook.Event;

/**
 * Turns an event into the exact bytes a webhook delivers. The API renders it (it owns the JSON shape of
 * every object); rendering the same event always gives the same bytes, so a redelivery is identical.
 */
@FunctionalInterface
public interface EventRenderer {
    byte[] render(Event event);
}
