package org.corridor.api;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/** Tells the node's probe how long each answered request took, by its route template (never the raw path). */
final class RequestTiming {
    /** The route of a request no route matched. */
    static final String UNMATCHED = "unmatched";

    private RequestTiming() {}

    static void served(Context ctx, NodeProbe probe, String startedAtAttribute) {
        Long startedAt = ctx.attribute(startedAtAttribute);
        if (startedAt == null) return;
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched == null ? UNMATCHED : matched.path;
        probe.requestServed(ctx.method().name(), route, ctx.statusCode(), System.nanoTime() - startedAt);
    }
}
