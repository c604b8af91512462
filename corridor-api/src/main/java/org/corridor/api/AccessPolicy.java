package org.corridor.api;

import io.javalin.http.Handler;
import org.corridor.api.error.ApiException;

/**
 * Puts a route's {@link Access} in front of its handler: authentication, the caller's rate limit, and the
 * operator check. The server applies it to every versioned route when the route is added.
 */
@FunctionalInterface
public interface AccessPolicy {
    /** Admits public routes only; any other route answers 401. For servers without participants (tests). */
    AccessPolicy PUBLIC_ONLY = (access, handler) -> access == Access.PUBLIC ? handler : ctx -> {
        throw ApiException.unauthorized("authentication_unavailable", "This server accepts no API keys.");
    };

    Handler guard(Access access, Handler handler);
}
