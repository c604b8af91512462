package org.corridor.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.regex.Pattern;
import org.corridor.core.Check;

/**
 * What a {@link PageGroup} may do to the server: add GET and POST handlers outside the versioned API. Request ids,
 * limits and the error mapping stay the server's. A page's form posts are not JSON, so the server checks only
 * their size; the JSON media-type check is for the versioned API.
 */
public final class Pages {
    /** Like a versioned path, but absolute; never under the version prefix. */
    private static final Pattern PATH = Pattern.compile("(/([a-z0-9_.]+|\\{[a-z_]+}))+");

    private final RoutesConfig target;

    Pages(RoutesConfig target) {
        this.target = target;
    }

    /** Answers {@code GET path}. */
    public Pages get(String path, Handler handler) {
        return add(HandlerType.GET, path, handler);
    }

    /** Answers {@code POST path}. */
    public Pages post(String path, Handler handler) {
        return add(HandlerType.POST, path, handler);
    }

    /** The id the server gave this request (sent in its {@code Request-Id} header), for a page to show. */
    public static String requestId(Context ctx) {
        return ctx.res().getHeader(RequestIds.HEADER);
    }

    private Pages add(HandlerType method, String path, Handler handler) {
        Check.that(path != null && PATH.matcher(path).matches(), "a page path looks like /words/{id}: " + path);
        Check.that(!path.startsWith(ApiServer.VERSION_PREFIX + "/"), "pages live outside the versioned API: " + path);
        Check.that(handler != null, "a page needs a handler: " + method + " " + path);
        target.addHttpHandler(method, path, handler);
        return this;
    }
}
