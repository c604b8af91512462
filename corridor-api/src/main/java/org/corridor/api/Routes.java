package org.corridor.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Map;
import java.util.regex.Pattern;
import org.corridor.core.Check;

/**
 * What a {@link RouteGroup} may do to the server: add handlers, under the version prefix. Only handlers, so that
 * a group cannot replace the server's error mapping, request ids or checks.
 *
 * <p>Handlers read JSON bodies with {@code ctx.bodyAsClass(...)}, which applies the body limit and the strict
 * parser, answer with {@code ctx.json(...)}, and refuse with {@link org.corridor.api.error.ApiException}.
 */
public final class Routes {
    /** Lower-case words, digits and underscores between slashes, and {@code {parameters}}; no trailing slash. */
    private static final Pattern PATH = Pattern.compile("(/([a-z0-9_.]+|\\{[a-z_]+}))+");

    private final RoutesConfig target;
    private final String prefix;
    private final AccessPolicy policy;
    private final Map<Route, Access> access;

    Routes(RoutesConfig target, String prefix, AccessPolicy policy, Map<Route, Access> access) {
        this.target = target;
        this.prefix = prefix;
        this.policy = policy;
        this.access = access;
    }

    /** Answers {@code GET prefix + path} for the callers {@code access} admits. */
    public Routes get(String path, Access access, Handler handler) {
        return add(HandlerType.GET, path, access, handler);
    }

    /** Answers {@code POST prefix + path} for the callers {@code access} admits. */
    public Routes post(String path, Access access, Handler handler) {
        return add(HandlerType.POST, path, access, handler);
    }

    /** Answers {@code DELETE prefix + path} for the callers {@code access} admits. */
    public Routes delete(String path, Access access, Handler handler) {
        return add(HandlerType.DELETE, path, access, handler);
    }

    private Routes add(HandlerType method, String path, Access routeAccess, Handler handler) {
        Check.that(path != null && PATH.matcher(path).matches(), "a route path looks like /words/{id}: " + path);
        Check.that(handler != null && routeAccess != null, "a route needs a handler and an access: " + method + " " + path);
        target.addHttpHandler(method, prefix + path, policy.guard(routeAccess, handler));
        access.put(new Route(method.name(), prefix + path), routeAccess);
        return this;
    }
}
