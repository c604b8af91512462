package org.corridor.api;

import io.javalin.http.ForbiddenResponse;
import java.time.Duration;
import java.util.List;
import org.corridor.api.error.ApiException;
import org.corridor.api.error.ErrorStatus;
import tools.jackson.databind.JsonNode;

/**
 * Routes that exist only in tests, added through the same {@link RouteGroup} API as production routes, on a
 * server of their own: the contract test builds its server from the production groups alone.
 */
final class TestRoutes implements RouteGroup {
    static final String SECRET = "db-password-in-exception-text";

    /** What the echo route reads: one field of each kind the parser must be strict about. */
    record Echo(String text, long amountMinor, Boolean urgent, Item item, List<Item> items, JsonNode details) {
        Echo {
            if (text != null && text.length() > 20) {
                throw ApiException.badRequest("parameter_too_long", "text is longer than 20 characters.", "text");
            }
        }
    }

    record Item(String name, long quantity) {}

    record ThreadKind(boolean virtual) {}

    @Override
    public void addTo(Routes routes) {
        routes.post("/test/echo", Access.PUBLIC, ctx -> ctx.json(ctx.bodyAsClass(Echo.class)));
        routes.post("/test/echo_stream", Access.PUBLIC, ctx -> ctx.json(ctx.bodyStreamAsClass(Echo.class)));
        routes.post("/test/ignore_body", Access.PUBLIC, ctx -> ctx.json(new ThreadKind(Thread.currentThread().isVirtual())));
        routes.get("/test/thread", Access.PUBLIC, ctx -> ctx.json(new ThreadKind(Thread.currentThread().isVirtual())));
        routes.get("/test/fault", Access.PUBLIC, ctx -> {
            throw new IllegalStateException("cannot reach 10.0.0.7:5432 with " + SECRET);
        });
        routes.get("/test/fatal", Access.PUBLIC, ctx -> {
            throw new AssertionError("invariant broken near " + SECRET);
        });
        routes.get("/test/javalin_forbidden", Access.PUBLIC, ctx -> {
            throw new ForbiddenResponse();
        });
        routes.get("/test/validated", Access.PUBLIC, ctx -> ctx.json(new Item("limit", ctx.queryParamAsClass("limit", Long.class)
                .check(limit -> limit > 0, "positive").get())));
        routes.get("/test/throttled", Access.PUBLIC, ctx -> {
            throw ApiException.tooManyRequests("rate_limit", "Too many requests; slow down.", Duration.ofMillis(1500));
        });
        routes.get("/test/status/{status}", Access.PUBLIC, ctx -> {
            ErrorStatus status = ErrorStatus.valueOf(ctx.pathParam("status"));
            if (status == ErrorStatus.TOO_MANY_REQUESTS) {
                throw ApiException.tooManyRequests("test_429", "Status 429.", Duration.ofSeconds(2));
            }
            if (status == ErrorStatus.SERVICE_UNAVAILABLE) {
                throw ApiException.unavailable("test_503", "Status 503.", Duration.ofSeconds(2));
            }
            throw ApiException.of(status, status.defaultType(), "test_" + status.code(), "Status " + status + ".",
                    status.code() < 500 ? "some_param" : null);
        });
    }
}
