package org.corridor.api.v1;

import java.util.List;
import org.corridor.api.RouteGroup;

/**
 * The production route groups of API version 1, in one place, so that {@code corridor serve} and the contract
 * test (every route served is documented, every documented route is served) build the same route table.
 */
public final class V1Routes {
    private V1Routes() {}

    /**
     * Every version 1 route group. None yet: the server foundation comes first; the resource families
     * (participants, payment intents, refunds, webhooks) join here, each built from the services it calls.
     */
    public static List<RouteGroup> all() {
        return List.of();
    }
}
