package org.corridor.api.v1;

import java.util.List;
import org.corridor.api.RouteGroup;

/**
 * The route groups of API version 1, in one place, so that {@code corridor serve} and the tests (the
 * contract test, the owner-scoping test) build the same route table.
 */
public final class V1Routes {
    private V1Routes() {}

    /** Every version 1 route group, built from the services they call. */
    public static List<RouteGroup> all(V1Services services) {
        IdempotentPosts posts = new IdempotentPosts(services);
        return List.of(
                new ParticipantRoutes(services, posts),
                new CustomerRoutes(services, posts),
                new KycTierRoutes(services, posts),
                new PaymentIntentRoutes(services, posts),
                new RefundRoutes(services, posts),
                new TokenRoutes(services, posts),
                new QrRoutes(services, posts),
                new PaymentCodeRoutes(services, posts),
                new FxRoutes(services, posts),
                new EscrowRoutes(services, posts),
                new SettlementRoutes(services, posts),
                new WebhookRoutes(services, posts));
    }
}
