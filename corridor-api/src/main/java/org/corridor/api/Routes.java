package org.corridor.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
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

    Routes(RoutesConfig target, String prefix) {
        this.target = target;
        this.prefix = prefix;
    }

    /** Answers {@code GET prefix + path}. */
    public Routes get(String path, Handler handler) {
        return add(HandlerType.GET, path, handler);
    }

    /** Answers {@code POST prefix + path}. */
    public Routes post(String path, Handler handler) {
        return add(HandlerType.POST, path, handler);
    }

    /** Answers {@code DELETE prefix + path}. */
    public Routes delete(String path, Handler handler) {
        return add(HandlerType.DELETE, path, handler);
    }

    private Routes add(HandlerType method, String path, Handler handler) {
        Check.that(path != null && PATH.matcher(path).matches(), "a route path looks like /words/{id}: " + path);
        Check.that(handler != null, "a route needs a handler: " + method + " " + path);
        target.addHttpHandler(method, prefix + path, handler);
        return this;
    }
}
