package org.corridor.api.v1;

import org.corridor.api.json.StrictJson;
import org.corridor.core.port.EventRenderer;
import org.corridor.core.webhook.Event;
import tools.jackson.databind.json.JsonMapper;

/** The webhook body of an event: the same JSON as {@code GET /v1/events/{id}} shows, without the deliveries. */
public final class EventJson implements EventRenderer {
    private final JsonMapper mapper = StrictJson.newMapper();

    @Override
    public byte[] render(Event event) {
        return mapper.writeValueAsBytes(ObjectJson.event(event));
    }
}
